"""Renders installer/icons/hotich.svg to hotich.png (256x256, the Linux desktop entry) and
hotich.ico (16-256 px, the Windows executable and installer). The outputs are committed:
run this only after changing the SVG.

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/icons/render_icons.py
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def render(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(HERE / "hotich.svg")).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image  # reportlab's dependency: writes a multi-size .ico
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv)  # noqa: F841 - QImage/QPainter need one
    big = render(256)
    (HERE / "hotich.png").write_bytes(big)
    Image.open(io.BytesIO(big)).save(HERE / "hotich.ico",
                                     sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    print("wrote hotich.png, hotich.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
