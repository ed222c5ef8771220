from django.contrib.auth import views as auth_views
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from diplomacy.login_throttle import throttle_failed_logins

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
    # Log-in and log-out for the browsable API (session authentication), as in rest_framework.urls
    # with failed log-ins throttled.
    path("auth/", include(([
        path("login/", throttle_failed_logins(auth_views.LoginView.as_view(template_name="rest_framework/login.html")),
             name="login"),
        path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    ], "rest_framework"))),
    path("", include(router.urls)),
]
