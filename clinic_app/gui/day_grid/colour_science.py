"""Colour arithmetic for the day grid's palette: WCAG contrast, colour-vision simulation and
colour difference. Pure Python (no Qt), so the palette can be checked by tests and tools.

- Contrast: WCAG 2.x relative luminance and contrast ratio.
- Deuteranopia: the Machado, Oliveira and Fernandes (2009) matrix for severity 1.0, applied
  to linear RGB.
- Difference: CIE L*a*b* (D65) and the CIEDE2000 colour difference (Sharma, Wu and Dalal 2005).
"""

from __future__ import annotations

import math

RGB = tuple[float, float, float]
LAB = tuple[float, float, float]

# Machado et al. 2009, deuteranomaly severity 1.0 (deuteranopia), linear RGB in and out.
DEUTERANOPIA = (
    (0.367322, 0.860646, -0.227968),
    (0.280085, 0.672501, 0.047413),
    (-0.011820, 0.042940, 0.968881),
)
_WHITE_X, _WHITE_Z = 0.95047, 1.08883  # D65 reference white (Y = 1)


def parse_hex(colour: str) -> RGB:
    """``#rrggbb`` as three sRGB channels in 0..1."""
    text = colour.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    return (int(text[0:2], 16) / 255, int(text[2:4], 16) / 255, int(text[4:6], 16) / 255)


def to_hex(rgb: RGB) -> str:
    """Three sRGB channels (clamped to 0..1) as ``#rrggbb``."""
    return "#" + "".join(f"{round(min(1.0, max(0.0, c)) * 255):02x}" for c in rgb)


def _to_linear(channel: float) -> float:
    if channel <= 0.04045:
        return channel / 12.92
    return float(((channel + 0.055) / 1.055) ** 2.4)


def _to_srgb(channel: float) -> float:
    channel = min(1.0, max(0.0, channel))
    if channel <= 0.0031308:
        return 12.92 * channel
    return float(1.055 * channel ** (1 / 2.4) - 0.055)


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of an sRGB colour."""
    r, g, b = (_to_linear(c) for c in parse_hex(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours (1 .. 21)."""
    high, low = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def simulate_deuteranopia(colour: str) -> str:
    """How ``colour`` looks to a deuteranope (Machado 2009, severity 1)."""
    linear = [_to_linear(c) for c in parse_hex(colour)]
    out = tuple(_to_srgb(sum(row[j] * linear[j] for j in range(3))) for row in DEUTERANOPIA)
    return to_hex((out[0], out[1], out[2]))


def to_lab(colour: str) -> LAB:
    """CIE L*a*b* (D65) of an sRGB colour."""
    r, g, b = (_to_linear(c) for c in parse_hex(colour))
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / _WHITE_X
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / _WHITE_Z

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = f(x), f(y), f(z)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e76(first: str, second: str) -> float:
    """CIE76 colour difference (Euclidean distance in L*a*b*)."""
    return math.dist(to_lab(first), to_lab(second))


def delta_e2000(first: str, second: str) -> float:
    """CIEDE2000 colour difference (kL = kC = kH = 1)."""
    return ciede2000(to_lab(first), to_lab(second))


def ciede2000(lab1: LAB, lab2: LAB) -> float:
    """CIEDE2000 difference of two L*a*b* colours (Sharma et al. 2005)."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    c_mean7 = ((c1 + c2) / 2) ** 7
    g = 0.5 * (1 - math.sqrt(c_mean7 / (c_mean7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0
    dl = l2 - l1
    dc = c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    else:
        dh = h2p - h1p
        if dh > 180:
            dh -= 360
        elif dh < -180:
            dh += 360
    dH = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))
    l_mean = (l1 + l2) / 2
    c_mean = (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        h_mean = (h1p + h2p + 360) / 2
    else:
        h_mean = (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    d_theta = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    c_mean_7 = c_mean**7
    r_c = 2 * math.sqrt(c_mean_7 / (c_mean_7 + 25**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * c_mean
    s_h = 1 + 0.015 * c_mean * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt(
        (dl / s_l) ** 2 + (dc / s_c) ** 2 + (dH / s_h) ** 2 + r_t * (dc / s_c) * (dH / s_h)
    )
