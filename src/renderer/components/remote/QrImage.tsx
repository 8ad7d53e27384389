// A QR code of a link as an SVG data-URL image (the CSP allows img-src data:; no canvas needed).
import { Image, Skeleton } from '@mantine/core';
import { toString as qrSvg } from 'qrcode';
import { useEffect, useState } from 'react';

export function QrImage({ value, label, size = 200 }: { value: string; label: string; size?: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setSrc(null);
    qrSvg(value, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then(
      (svg) => current && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`),
      () => current && setSrc(null),
    );
    return () => {
      current = false;
    };
  }, [value]);
  if (!src) return <Skeleton w={size} h={size} />;
  // White behind the code whatever the theme: scanners want dark modules on light.
  return <Image src={src} alt={label} w={size} h={size} bg="white" data-testid="device-qr" />;
}
