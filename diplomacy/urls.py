from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from . import views
from .login_throttle import throttle_failed_logins

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="api-root"), name="home"),
    path("health/", views.health, name="health"),
    path("admin/login/", throttle_failed_logins(admin.site.login)),
    path("admin/", admin.site.urls),
    path("api/", include("events.api.urls")),
]

# An unknown address under /api/ answers JSON, as the API's schema documents.
handler404 = views.not_found
