"""Password policy: long enough, not one of the passwords every attacker tries first."""

from __future__ import annotations

from officer_desk.domain.errors import ValidationError

MIN_LENGTH = 10
MAX_LENGTH = 200

# The most used passwords in public breach lists, and the obvious ones for this workplace.
COMMON = frozenset(
    """
    123456 123456789 12345678 1234567890 1234567 12345 qwerty qwerty123 qwertyuiop password
    password1 password123 passord passord1 passord123 111111 000000 123123 abc123 iloveyou
    admin admin123 administrator welcome welcome1 letmein monkey dragon football baseball
    sunshine princess starwars whatever trustno1 master login 654321 666666 121212 superman
    1q2w3e4r 1q2w3e4r5t zaq12wsx qazwsx asdfghjkl asdfgh 987654321 michael shadow ashley
    hunter2 changeme changeme123 secret secret123 test123 fengsel fengsel123 betjent
    betjent123 halden halden123 romerike romerike123 sommer2026 vinter2026 norge123 norway123
    officerdesk officer123 prison123 correctional
    """.split()  # noqa: SIM905 (a word list reads better than a list literal)
)


def check_password(password: str, username: str = "") -> str:
    if len(password) < MIN_LENGTH:
        raise ValidationError(
            (
                "The password is too short: use at least {MIN_LENGTH} characters. A "
                "few words together are easy to remember and hard to guess."
            ),
            "password",
            MIN_LENGTH=MIN_LENGTH,
        )
    if len(password) > MAX_LENGTH:
        raise ValidationError(
            "The password is too long (over {MAX_LENGTH} characters).",
            "password",
            MAX_LENGTH=MAX_LENGTH,
        )
    lowered = password.lower()
    if lowered in COMMON or lowered.rstrip("0123456789!") in COMMON:
        raise ValidationError(
            "That password is among the first ones attackers try. Choose another.", "password"
        )
    if username and username.lower() in lowered:
        raise ValidationError("The password must not contain the user name.", "password")
    if len(set(password)) < 4:
        raise ValidationError("The password repeats too few different characters.", "password")
    return password
