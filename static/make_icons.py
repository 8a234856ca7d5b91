"""Draw Unknot's icons with Pillow: `python static/make_icons.py` writes static/icons/*.png.

The mark is a loosened ribbon loop (a knot coming undone) in white on deep teal.
Everything is drawn at 4x and scaled down, for smooth edges.
"""

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent / "icons"
TEAL = (27, 77, 92, 255)
WHITE = (255, 255, 255, 255)
RED = (158, 31, 39, 255)
BLUE = (22, 92, 150, 255)
PLUM = (96, 56, 128, 255)
SS = 4  # supersampling

# The ribbon's centre line, in units of its radius: a tail, the crossing, the loop, the other tail.
RIBBON = [
    (-0.55, 1.0),
    (-0.2, 0.45),
    (0.0, 0.12),
    (0.3, -0.3),
    (0.4, -0.68),
    (0.22, -0.95),
    (0.0, -1.02),
    (-0.22, -0.95),
    (-0.4, -0.68),
    (-0.3, -0.3),
    (0.0, 0.12),
    (0.2, 0.45),
    (0.55, 1.0),
]


def spline(points, steps=16):
    """A Catmull-Rom curve through the points."""
    pts = [points[0], *points, points[-1]]
    out = []
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for s in range(steps):
            t = s / steps
            out.append(
                tuple(
                    0.5
                    * (
                        2 * p1[k]
                        + (-p0[k] + p2[k]) * t
                        + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t * t
                        + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t**3
                    )
                    for k in (0, 1)
                )
            )
    out.append(points[-1])
    return out


def ribbon(draw, cx, cy, r, width, colour):
    """The mark, centred at (cx, cy) with radius r."""
    # Stamped discs along a dense curve give an even, round-ended stroke.
    for x, y in spline(RIBBON, steps=120):
        x, y = cx + x * r, cy + y * r
        draw.ellipse([x - width / 2, y - width / 2, x + width / 2, y + width / 2], fill=colour)


def canvas(size):
    img = Image.new("RGBA", (size * SS, size * SS), (0, 0, 0, 0))
    return img, ImageDraw.Draw(img)


def done(img, size, name):
    img.resize((size, size), Image.LANCZOS).save(HERE / name, optimize=True)


def app_icon(size, name, *, corner=0.22, mark=0.36, opaque=False):
    img, draw = canvas(size)
    s = size * SS
    if opaque:
        draw.rectangle([0, 0, s, s], fill=TEAL)
    else:
        draw.rounded_rectangle([0, 0, s - 1, s - 1], radius=int(s * corner), fill=TEAL)
    ribbon(draw, s / 2, s / 2, s * mark, s * 0.085, WHITE)
    done(img, size, name)


def badge(size, name):
    """White on transparent: Android draws notification badges from the alpha channel."""
    img, draw = canvas(size)
    s = size * SS
    ribbon(draw, s / 2, s / 2, s * 0.4, s * 0.12, WHITE)
    done(img, size, name)


def shortcut(size, name, colour, motif):
    img, draw = canvas(size)
    s = size * SS
    draw.ellipse([0, 0, s - 1, s - 1], fill=colour)
    motif(draw, s)
    done(img, size, name)


def cramp_motif(draw, s):
    """A lightning bolt: sudden pain, start the timer."""
    pts = [(0.56, 0.16), (0.3, 0.54), (0.48, 0.54), (0.42, 0.84), (0.7, 0.44), (0.52, 0.44)]
    draw.polygon([(x * s, y * s) for x, y in pts], fill=WHITE)


def water_motif(draw, s):
    """A drop."""
    draw.ellipse([0.3 * s, 0.42 * s, 0.7 * s, 0.82 * s], fill=WHITE)
    draw.polygon([(0.5 * s, 0.14 * s), (0.315 * s, 0.55 * s), (0.685 * s, 0.55 * s)], fill=WHITE)


def pill_motif(draw, s):
    """A capsule, tilted."""
    pill = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(pill)
    d.rounded_rectangle([0.2 * s, 0.38 * s, 0.8 * s, 0.62 * s], radius=int(0.12 * s), fill=WHITE)
    d.line([(0.5 * s, 0.38 * s), (0.5 * s, 0.62 * s)], fill=PLUM, width=int(0.03 * s))
    pill = pill.rotate(40, resample=Image.BICUBIC)
    draw._image.alpha_composite(pill)


def main():
    HERE.mkdir(exist_ok=True)
    app_icon(192, "icon-192.png")
    app_icon(512, "icon-512.png")
    # Maskable: full bleed, the mark inside the central 80% safe zone.
    app_icon(512, "maskable-512.png", mark=0.28, opaque=True)
    app_icon(180, "apple-touch-icon.png", opaque=True)
    badge(96, "badge-96.png")
    shortcut(96, "shortcut-cramp-96.png", RED, cramp_motif)
    shortcut(96, "shortcut-water-96.png", BLUE, water_motif)
    shortcut(96, "shortcut-magnesium-96.png", PLUM, pill_motif)
    print(f"icons written to {HERE}")


if __name__ == "__main__":
    main()
