"""Two-step login devices: enrol an account, reset a lost phone, remove, list.

    manage.py mfa enrol USERNAME    # a new authenticator app + 10 recovery codes
    manage.py mfa reset USERNAME    # the same, for a lost or replaced phone: old codes stop working
    manage.py mfa remove USERNAME   # no device: the account cannot enter the admin
    manage.py mfa status            # which staff accounts have a device

Print the QR code only on a terminal the person enrolling can see, and give the recovery codes
to them alone: whoever holds them can log in with the password.
"""

import io

import qrcode
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from services.editorial.mfa import enrol, has_device, remove_devices


class Command(BaseCommand):
    help = "Enrol, reset or remove an admin account's two-step login device; or list them."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["enrol", "reset", "remove", "status"])
        parser.add_argument("username", nargs="?")
        parser.add_argument(
            "--no-qr", action="store_true", help="Print the otpauth:// address without a QR code."
        )

    def handle(self, action, username=None, no_qr=False, **options):
        User = get_user_model()
        if action == "status":
            for user in User.objects.filter(is_staff=True).order_by("username"):
                state = "device" if has_device(user) else "NO DEVICE"
                self.stdout.write(f"{user.get_username()}\t{state}")
            return
        if not username:
            raise CommandError(f"mfa {action} needs a username.")
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f"No account named {username!r}.") from None
        if action == "remove":
            remove_devices(user)
            self.stdout.write(f"{username}: devices removed; the admin is closed to it.")
            return
        uri, codes = enrol(user)
        self.stdout.write(f"{username}: scan this in an authenticator app, or type the address.")
        if not no_qr:
            code = qrcode.QRCode(border=1)
            code.add_data(uri)
            picture = io.StringIO()
            code.print_ascii(out=picture, invert=True)
            self.stdout.write(picture.getvalue())
        self.stdout.write(uri)
        self.stdout.write("Recovery codes (each works once, keep them offline):")
        for recovery in codes:
            self.stdout.write(f"  {recovery}")
        if action == "reset":
            self.stdout.write("The previous app and recovery codes no longer work.")
