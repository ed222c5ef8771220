from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("countries", views.CountryViewSet, basename="country")
router.register("persons", views.PersonViewSet, basename="person")
router.register("offices", views.OfficeViewSet, basename="office")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("articles", views.ArticleViewSet, basename="article")

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="docs"),
    # Log-in and log-out for the browsable API (session authentication).
    path("auth/", include("rest_framework.urls")),
    path("", include(router.urls)),
]
