#!/usr/bin/env python3
"""Writes N deterministic 4000 x 3000 JPEG "phone photos" for the image benchmarks: smooth
lighting gradients, soft blobs of colour, a few hard-edged shapes (something for the attention
crop to find) and sensor-like noise, so encoders do real work. Each carries the EXIF a phone
writes (camera make and model, body serial number, date, GPS position) and an orientation:
every fourth photo is tagged 6 (stored landscape, shown portrait), the rest 1.

Usage: Benchmarks/gen-photos.py N DIR [--seed S] [--width W --height H]

Pixels come from numpy's seeded generator (photo i uses seed S + i), JPEG encoding from Pillow
(pip install pillow) at quality 90, tags from exiftool (Debian: libimage-exiftool-perl). The
same N, seed and Pillow version give byte-identical files.
"""
import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

try:
    from PIL import Image
except ImportError:
    sys.exit("gen-photos.py needs Pillow: python3 -m pip install pillow")


def photo(rng, width, height):
    """One photo-like RGB image as a uint8 array of shape (height, width, 3)."""
    small_width, small_height = max(1, width // 8), max(1, height // 8)
    y = np.linspace(0.0, 1.0, small_height, dtype=np.float32)[:, None]
    x = np.linspace(0.0, 1.0, small_width, dtype=np.float32)[None, :]
    light = np.empty((small_height, small_width, 3), dtype=np.float32)
    base = rng.uniform(40, 200, size=3)
    tilt = rng.uniform(-80, 80, size=(3, 2))
    for channel in range(3):
        light[:, :, channel] = base[channel] + tilt[channel, 0] * x + tilt[channel, 1] * y
    for _ in range(rng.integers(6, 12)):
        cx, cy = rng.uniform(0, 1, size=2)
        radius = rng.uniform(0.05, 0.35)
        colour = rng.uniform(-90, 90, size=3)
        blob = np.exp(-(((x - cx) ** 2) + ((y - cy) * height / width) ** 2) / (2 * radius * radius))
        light += blob[:, :, None] * colour[None, None, :]
    smooth = Image.fromarray(np.clip(light, 0, 255).astype(np.uint8)).resize((width, height), Image.BICUBIC)
    image = np.asarray(smooth, dtype=np.float32).copy()
    for _ in range(rng.integers(3, 7)):
        left, top = int(rng.uniform(0, 0.8) * width), int(rng.uniform(0, 0.8) * height)
        right = left + int(rng.uniform(0.05, 0.2) * width)
        bottom = top + int(rng.uniform(0.05, 0.2) * height)
        image[top:bottom, left:right, :] = rng.uniform(0, 255, size=3)
    full_y = np.linspace(0.0, 1.0, height, dtype=np.float32)[:, None]
    full_x = np.linspace(0.0, 1.0, width, dtype=np.float32)[None, :]
    waves = np.sin(full_x * rng.uniform(20, 120)) * np.cos(full_y * rng.uniform(20, 120)) * rng.uniform(4, 14)
    image += waves[:, :, None]
    image += rng.standard_normal(size=(height, width, 1), dtype=np.float32) * 6.0
    image += rng.standard_normal(size=(height, width, 3), dtype=np.float32) * 3.0
    return np.clip(image, 0, 255).astype(np.uint8)


def exif_arguments(rng, index, path):
    """exiftool arguments giving photo `index` a phone's EXIF, GPS position and orientation."""
    latitude = rng.uniform(35, 60)
    longitude = rng.uniform(-10, 30)
    orientation = 6 if index % 4 == 3 else 1
    return [
        "-Make=ClinicPhone", f"-Model=ClinicPhone {index % 5 + 11}",
        f"-SerialNumber=CP{index:08d}", f"-DateTimeOriginal=2024:05:{index % 28 + 1:02d} 10:{index % 60:02d}:00",
        f"-GPSLatitude={latitude:.6f}", "-GPSLatitudeRef=N",
        f"-GPSLongitude={abs(longitude):.6f}", f"-GPSLongitudeRef={'E' if longitude >= 0 else 'W'}",
        "-GPSAltitude=42", f"-Orientation={orientation}", path,
    ]


def main():
    parser = argparse.ArgumentParser(description="Writes N deterministic 12-megapixel JPEG photos with EXIF.")
    parser.add_argument("count", type=int)
    parser.add_argument("folder")
    parser.add_argument("--seed", type=int, default=20240501)
    parser.add_argument("--width", type=int, default=4000)
    parser.add_argument("--height", type=int, default=3000)
    args = parser.parse_args()
    os.makedirs(args.folder, exist_ok=True)
    batch = []
    for index in range(args.count):
        rng = np.random.default_rng(args.seed + index)
        path = os.path.join(args.folder, f"photo-{index:04d}.jpg")
        Image.fromarray(photo(rng, args.width, args.height)).save(path, quality=90)
        batch += exif_arguments(rng, index, path) + ["-execute"]
    if batch:
        with tempfile.NamedTemporaryFile("w", suffix=".args") as arguments:
            arguments.write("\n".join(batch) + "\n")
            arguments.flush()
            subprocess.run(["exiftool", "-@", arguments.name, "-common_args", "-q", "-n", "-overwrite_original"],
                           check=True)
    print(f"wrote {args.count} photos of {args.width} x {args.height} in {args.folder}")


if __name__ == "__main__":
    main()
