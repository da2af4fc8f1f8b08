"""A photo from a file, made small enough for the store (≤ 256 KB) before it is saved.

Runs on the worker (QImage and QImageReader are safe off the GUI thread): decoding a large
camera picture takes longer than a frame.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader

from officer_desk.domain.errors import ValidationError

MAX_PHOTO_BYTES = 256 * 1024  # app.profile.MAX_PHOTO_BYTES (kept light: no import of it)
MAX_FILE_BYTES = 40 * 1024 * 1024  # a larger file is not a portrait photo
MAX_PIXELS = 12_000  # either side; more is not a photo of a person, and costs memory
SIDE = 512  # stored size: sharp on the person page, small in the store


def _t(text: str) -> str:
    return QCoreApplication.translate("photo", text)


def prepare_photo(path: Path) -> bytes:
    """The file as a JPEG no larger than ``MAX_PHOTO_BYTES``, or a ValidationError("photo")."""
    try:
        size = path.stat().st_size
    except OSError:
        raise ValidationError(_t("That file cannot be read."), "photo") from None
    if size > MAX_FILE_BYTES:
        raise ValidationError(
            _t("That file is too large for a photo ({mb} MB); choose one under {limit} MB.").format(
                mb=size // (1024 * 1024), limit=MAX_FILE_BYTES // (1024 * 1024)
            ),
            "photo",
        )
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # phone photos carry their rotation in EXIF
    if not reader.canRead():
        raise ValidationError(
            _t("That file is not a picture; choose a PNG or JPEG photo."), "photo"
        )
    dimensions = reader.size()
    if dimensions.isValid() and max(dimensions.width(), dimensions.height()) > MAX_PIXELS:
        raise ValidationError(
            _t("That picture is too large ({w}×{h} pixels); choose a smaller photo.").format(
                w=dimensions.width(), h=dimensions.height()
            ),
            "photo",
        )
    if dimensions.isValid() and max(dimensions.width(), dimensions.height()) > SIDE:
        # Decode straight to the small size where the format allows (JPEG does): less memory.
        reader.setScaledSize(
            dimensions.scaled(QSize(SIDE, SIDE), Qt.AspectRatioMode.KeepAspectRatio)
        )
    image = reader.read()
    if image.isNull():
        raise ValidationError(
            _t("That file is not a picture that can be read; choose a PNG or JPEG photo."),
            "photo",
        )
    return shrink(image)


def shrink(image: QImage) -> bytes:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    side = SIDE
    while side >= 64:
        if max(image.width(), image.height()) > side:
            scaled = image.scaled(
                side,
                side,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        else:
            scaled = image
        for quality in (85, 70, 55):
            data = encode(scaled, quality)
            if len(data) <= MAX_PHOTO_BYTES:
                return data
        side //= 2
    raise ValidationError(_t("That picture could not be made small enough."), "photo")


def encode(image: QImage, quality: int) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPEG", quality)  # type: ignore[call-overload]  # stub: bytes; str works
    buffer.close()
    return bytes(array.data())
