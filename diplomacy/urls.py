from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from . import views

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="api-root"), name="home"),
    path("health/", views.health, name="health"),
    path("admin/", admin.site.urls),
    path("api/", include("events.api.urls")),
]
