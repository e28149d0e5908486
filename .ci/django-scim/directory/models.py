from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import Group as AuthGroup
from django_scim.models import AbstractSCIMGroupMixin, AbstractSCIMUserMixin


class User(AbstractSCIMUserMixin, AbstractUser):
    @property
    def scim_groups(self):
        return Group.objects.filter(user=self)


class Group(AbstractSCIMGroupMixin, AuthGroup):
    pass
