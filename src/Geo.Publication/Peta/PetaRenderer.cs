using Geo.Core.Wilayah;
using Geo.Data.Peta;
using Geo.Publication.Fonts;
using SkiaSharp;

namespace Geo.Publication.Peta;

/// <summary>
/// Draws a static choropleth map with SkiaSharp: title, the units in their class colours (no data
/// grey and hatched), the boundaries above them, labels where they fit, legend with counts, north
/// arrow, scale bar, source, period and date, and the "DATA SINTETIS" watermark when any value shown
/// is synthetic. Pure: no I/O, the same <see cref="IsiPeta"/> gives the same pixels on every machine
/// (the font ships in the assembly).
/// </summary>
public static partial class PetaRenderer
{
    public const int MinimumUkuran = 200;
    public const int MaksimumUkuran = 4000;

    private static readonly Lazy<SKTypeface> Regular = new(() => SKTypeface.FromData(SKData.CreateCopy(GeoFonts.Regular)));
    private static readonly Lazy<SKTypeface> Bold = new(() => SKTypeface.FromData(SKData.CreateCopy(GeoFonts.Bold)));

    private static readonly SKColor Tinta = new(0x22, 0x22, 0x22);
    private static readonly SKColor TintaLemah = new(0x55, 0x55, 0x55);
    private static readonly SKColor Merah = new(0xc0, 0x00, 0x00);

    /// <summary>The parts of the image for its size: header, map frame, legend, footer; s is the type scale (1 at 1600×1200).</summary>
    private readonly record struct Susunan(float S, Kotak Kepala, Kotak Peta, Kotak Legenda, Kotak Kaki);

    private static Susunan Susun(int w, int h)
    {
        var s = Math.Clamp(Math.Min(w / 1600f, h / 1200f), 0.25f, 3f);
        var m = 24 * s;
        var kepala = new Kotak(m, m, w - m, m + 92 * s);
        var kaki = new Kotak(m, h - m - 48 * s, w - m, h - m);
        var lebarLegenda = Math.Min(380 * s, w * 0.34f);
        var legenda = new Kotak(w - m - lebarLegenda, kepala.Bottom + 8 * s, w - m, kaki.Top - 8 * s);
        var peta = new Kotak(m, kepala.Bottom + 8 * s, legenda.Left - m, kaki.Top - 8 * s);
        return new Susunan(s, kepala, peta, legenda, kaki);
    }

    /// <summary>The map frame of an image of this size: the loader simplifies geometry for its pixels.</summary>
    public static Kotak BingkaiPeta(int lebar, int tinggi) => Susun(lebar, tinggi).Peta;

    public static GambarPeta Render(IsiPeta isi, int lebar, int tinggi)
    {
        var susunan = Susun(lebar, tinggi);
        var s = susunan.S;
        // Opaque RGB without alpha: the PNG encoder writes 3 channels straight from it, without
        // un-premultiplying RGBA first (bench/README.md, map images).
        using var bitmap = new SKBitmap(new SKImageInfo(lebar, tinggi, SKColorType.Rgb888x, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);

        var (skala, offsetX, offsetY) = Transform(isi.Bentuk, susunan.Peta, 14 * s);
        var labels = new List<Kotak>();
        canvas.Save();
        canvas.ClipRect(ToRect(susunan.Peta));
        GambarUnit(canvas, isi, skala, offsetX, offsetY, s);
        GambarBatas(canvas, isi.Bentuk, skala, offsetX, offsetY, s);
        GambarLabel(canvas, isi.Bentuk, skala, offsetX, offsetY, s, susunan.Peta, labels);
        if (isi.Sintetis) GambarWatermark(canvas, susunan.Peta, s);
        canvas.Restore();

        GambarMataAngin(canvas, susunan.Peta, s);
        GambarSkala(canvas, isi.Bentuk, susunan.Peta, skala, offsetY, s);
        var tanda = GambarKepala(canvas, isi, susunan.Kepala, s);
        GambarLegenda(canvas, isi, susunan.Legenda, s);
        GambarKaki(canvas, isi, susunan.Kaki, s);
        canvas.Flush();

        using var pixmap = bitmap.PeekPixels()!;
        // Encoding is a large share of the time on big images (bench/peta-png): the Sub filter at
        // zlib level 1 compresses flat map colours well at a fraction of the cost of trying every filter.
        using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, 1))
            ?? throw new InvalidOperationException("PNG tidak dapat ditulis");
        return new GambarPeta(data.ToArray(), lebar, tinggi, isi.Sintetis,
            new Tataletak(susunan.Peta, skala, offsetX, offsetY, labels, tanda));
    }

    private static (double Skala, double OffsetX, double OffsetY) Transform(BentukPeta b, Kotak frame, float pad)
    {
        var dx = Math.Max(b.MaxX - b.MinX, 1e-6);
        var dy = Math.Max(b.MaxY - b.MinY, 1e-6);
        var skala = Math.Min((frame.Width - 2 * pad) / dx, (frame.Height - 2 * pad) / dy);
        var cx = (b.MinX + b.MaxX) / 2;
        var cy = (b.MinY + b.MaxY) / 2;
        var fx = (frame.Left + frame.Right) / 2.0;
        var fy = (frame.Top + frame.Bottom) / 2.0;
        return (skala, fx - cx * skala, fy + cy * skala);
    }

    private static SKRect ToRect(Kotak k) => new(k.Left, k.Top, k.Right, k.Bottom);

    /// <summary>Every ring of the shape as a closed polygon, one native call per ring.</summary>
    /// <param name="tanpaSerpih">
    /// Leave out rings narrower than a pixel on average (area / perimeter under half a pixel): the
    /// slivers a union of neighbouring desa leaves where their edges do not quite meet.
    /// </param>
    private static void AddRings(SKPathBuilder path, BentukWilayah w, double skala, double ox, double oy, ref SKPoint[] buffer, bool tanpaSerpih = false)
    {
        var xy = w.Xy;
        for (var r = 0; r + 1 < w.Cincin.Length; r++)
        {
            var start = w.Cincin[r];
            var n = w.Cincin[r + 1] - start;
            if (n < 3) continue;
            if (buffer.Length < n) buffer = new SKPoint[Math.Max(n, buffer.Length * 2)];
            for (var p = 0; p < n; p++)
            {
                var i = 2 * (start + p);
                buffer[p] = new SKPoint((float)(ox + xy[i] * skala), (float)(oy - xy[i + 1] * skala));
            }
            if (tanpaSerpih && IsSerpih(buffer.AsSpan(0, n))) continue;
            path.AddPoly(buffer.AsSpan(0, n), true);
        }
    }

    private static bool IsSerpih(ReadOnlySpan<SKPoint> ring)
    {
        double area = 0, perimeter = 0;
        for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
        {
            area += (double)ring[j].X * ring[i].Y - (double)ring[i].X * ring[j].Y;
            perimeter += SKPoint.Distance(ring[i], ring[j]);
        }
        return perimeter > 0 && Math.Abs(area / 2) / perimeter < 0.5;
    }

    private static SKPath Polygon(params ReadOnlySpan<SKPoint> points)
    {
        using var builder = new SKPathBuilder();
        builder.AddPoly(points, true);
        return builder.Detach();
    }

    private static SKPaint Isi(SKColor warna) => new() { Color = warna, IsAntialias = true, Style = SKPaintStyle.Fill };

    private static SKPaint Garis(SKColor warna, float lebar) => new()
    {
        Color = warna,
        IsAntialias = true,
        Style = SKPaintStyle.Stroke,
        StrokeWidth = lebar,
        StrokeJoin = SKStrokeJoin.Round,
    };

    /// <summary>One path per class (units never overlap), so thousands of desa are a handful of draws.</summary>
    private static void GambarUnit(SKCanvas canvas, IsiPeta isi, double skala, double ox, double oy, float s)
    {
        var kelas = isi.Pewarnaan.Kelas;
        var builders = new SKPathBuilder[kelas.Count + 1];
        var buffer = new SKPoint[256];
        for (var i = 0; i < builders.Length; i++) builders[i] = new SKPathBuilder { FillType = SKPathFillType.EvenOdd };
        foreach (var u in isi.Bentuk.Unit)
        {
            var i = isi.Pewarnaan.KelasUnit.TryGetValue(u.Kode, out var k) ? k : kelas.Count;
            AddRings(builders[i], u, skala, ox, oy, ref buffer);
        }
        var paths = builders.Select(b => { var p = b.Detach(); b.Dispose(); return p; }).ToArray();
        try
        {
            // Fills without antialiasing (several times faster on thousands of desa): every edge
            // is then drawn over by an antialiased line, which hides the stair-steps.
            for (var i = 0; i < kelas.Count; i++)
            {
                using var paint = Isi(SKColor.Parse(kelas[i].Warna));
                paint.IsAntialias = false;
                canvas.DrawPath(paths[i], paint);
            }
            var tanpa = paths[kelas.Count];
            if (!tanpa.IsEmpty)
            {
                using (var abu = Isi(SKColor.Parse(Palet.TanpaData)))
                {
                    abu.IsAntialias = false;
                    canvas.DrawPath(tanpa, abu);
                }
                canvas.Save();
                canvas.ClipPath(tanpa, antialias: true);
                GambarArsir(canvas, tanpa.Bounds, s);
                canvas.Restore();
            }
            // Unit edges: white, under the boundaries of the levels above. One pixel wide (a
            // hairline: far cheaper than stroking), wider only on large images of few units.
            var rata = isi.Bentuk.Unit.Count == 0 ? 0 : Math.Sqrt(ApproxArea(isi.Bentuk) / isi.Bentuk.Unit.Count) * skala;
            var lebar = (float)Math.Clamp(rata / 40, 0, 1.2 * s);
            using var tepi = Garis(new SKColor(255, 255, 255, 220), lebar <= 1.2f ? 0 : lebar);
            foreach (var p in paths) canvas.DrawPath(p, tepi);
        }
        finally
        {
            foreach (var p in paths) p.Dispose();
        }
    }

    private static double ApproxArea(BentukPeta b) => (b.MaxX - b.MinX) * (b.MaxY - b.MinY) * 0.5;

    /// <summary>Diagonal hatching, as the web page draws units without data.</summary>
    private static void GambarArsir(SKCanvas canvas, SKRect bounds, float s)
    {
        using var paint = Garis(new SKColor(0x96, 0x96, 0x96), Math.Max(0.8f, 1.1f * s));
        var step = Math.Max(4f, 7f * s);
        var h = bounds.Height;
        for (var x = bounds.Left - h; x < bounds.Right; x += step)
        {
            canvas.DrawLine(x, bounds.Bottom, x + h, bounds.Top, paint);
        }
    }

    /// <summary>The wilayah's outline and the levels between it and the units, each finer than the one above.</summary>
    private static void GambarBatas(SKCanvas canvas, BentukPeta b, double skala, double ox, double oy, float s)
    {
        var puncak = b.Batas[0].Tingkat;
        foreach (var level in b.Batas.Select(x => x.Tingkat).Distinct().OrderDescending())
        {
            var builder = new SKPathBuilder();
            var buffer = new SKPoint[256];
            foreach (var w in b.Batas.Where(x => x.Tingkat == level)) AddRings(builder, w, skala, ox, oy, ref buffer, tanpaSerpih: true);
            using var path = builder.Detach();
            builder.Dispose();
            var depth = level - puncak;
            var (warna, lebar) = depth switch
            {
                0 => (new SKColor(0x1a, 0x1a, 0x1a), 2.4f),
                1 => (new SKColor(0x33, 0x33, 0x33), 1.8f),
                _ => (new SKColor(0x66, 0x66, 0x66), 0.8f),
            };
            var tebal = lebar * s;
            using var paint = Garis(warna, tebal <= 1.2f ? 0 : tebal);
            canvas.DrawPath(path, paint);
        }
    }

    /// <summary>
    /// Names of the level just below the wilayah (kecamatan of a kab/kota; kab/kota of a provinsi),
    /// larger first, where they do not collide; then unit names (desa) where they fit inside the
    /// unit's box and collide with nothing placed.
    /// </summary>
    private static void GambarLabel(SKCanvas canvas, BentukPeta b, double skala, double ox, double oy, float s, Kotak frame, List<Kotak> placed)
    {
        var puncak = b.Batas[0].Tingkat;
        var utamaTingkat = (Tingkat)((int)puncak + 1);
        var utama = b.Batas.Where(w => w.Tingkat == utamaTingkat).ToList();
        var kedua = b.Unit;
        if (utama.Count == 0) (utama, kedua) = (b.Unit.ToList(), []);

        using var fontUtama = new SKFont(Bold.Value, 15 * s);
        using var fontKedua = new SKFont(Regular.Value, Math.Max(7f, 10.5f * s));
        using var halo = new SKPaint { Color = new SKColor(255, 255, 255, 230), IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 3 * s, StrokeJoin = SKStrokeJoin.Round };
        using var tintaUtama = new SKPaint { Color = Tinta, IsAntialias = true };
        using var tintaKedua = new SKPaint { Color = new SKColor(0x3a, 0x3a, 0x3a), IsAntialias = true };

        foreach (var (w, box) in utama.Select(w => (w, Box(w, skala, ox, oy))).OrderByDescending(x => x.Item2.Width * x.Item2.Height))
        {
            var (x, y) = ((float)(ox + w.LabelX * skala), (float)(oy - w.LabelY * skala));
            var kotak = LabelBox(w.Nama, x, y, fontUtama, halo.StrokeWidth);
            if (!Inside(kotak, frame) || placed.Any(p => p.Intersects(kotak))) continue;
            placed.Add(kotak);
            DrawHalo(canvas, w.Nama, x, y, fontUtama, halo, tintaUtama);
        }

        var perkiraanHuruf = fontKedua.Size * 0.55f;
        foreach (var (w, box) in kedua.Select(w => (w, Box(w, skala, ox, oy))).Where(x => x.Item2.Height >= fontKedua.Size * 1.6f)
                     .OrderByDescending(x => x.Item2.Width * x.Item2.Height))
        {
            // A cheap estimate first: most desa of a province map are far too small to measure.
            if (w.Nama.Length * perkiraanHuruf * 0.8f > box.Width) continue;
            var tw = fontKedua.MeasureText(w.Nama);
            if (tw + 4 * s > box.Width) continue;
            var (x, y) = ((float)(ox + w.LabelX * skala), (float)(oy - w.LabelY * skala));
            var kotak = LabelBox(w.Nama, x, y, fontKedua, halo.StrokeWidth);
            if (kotak.Left < box.Left || kotak.Right > box.Right || kotak.Top < box.Top || kotak.Bottom > box.Bottom) continue;
            if (!Inside(kotak, frame) || placed.Any(p => p.Intersects(kotak))) continue;
            placed.Add(kotak);
            DrawHalo(canvas, w.Nama, x, y, fontKedua, halo, tintaKedua);
        }
    }

    /// <summary>What a centred label covers: its ink (the font's ascent and descent) and the halo around it.</summary>
    private static Kotak LabelBox(string text, float x, float y, SKFont font, float halo)
    {
        var width = font.MeasureText(text, out var bounds, null);
        var pad = halo / 2 + 1;
        return new Kotak(x - width / 2 + Math.Min(0, bounds.Left) - pad, y + Math.Min(bounds.Top, font.Metrics.Ascent) - pad,
            x + width / 2 + pad, y + Math.Max(bounds.Bottom, font.Metrics.Descent) + pad);
    }

    private static bool Inside(Kotak k, Kotak frame) => k.Left >= frame.Left && k.Right <= frame.Right && k.Top >= frame.Top && k.Bottom <= frame.Bottom;

    private static Kotak Box(BentukWilayah w, double skala, double ox, double oy)
    {
        double x0 = double.MaxValue, y0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue;
        var xy = w.Xy;
        for (var i = 0; i < xy.Length; i += 2)
        {
            x0 = Math.Min(x0, xy[i]); x1 = Math.Max(x1, xy[i]);
            y0 = Math.Min(y0, xy[i + 1]); y1 = Math.Max(y1, xy[i + 1]);
        }
        if (xy.Length == 0) return default;
        return new Kotak((float)(ox + x0 * skala), (float)(oy - y1 * skala), (float)(ox + x1 * skala), (float)(oy - y0 * skala));
    }

    private static void DrawHalo(SKCanvas canvas, string text, float x, float y, SKFont font, SKPaint halo, SKPaint ink)
    {
        canvas.DrawText(text, x, y, SKTextAlign.Center, font, halo);
        canvas.DrawText(text, x, y, SKTextAlign.Center, font, ink);
    }

    private static void GambarWatermark(SKCanvas canvas, Kotak frame, float s)
    {
        const string teks = "DATA SINTETIS";
        using var font = new SKFont(Bold.Value, 100);
        var diagonal = (float)Math.Sqrt(frame.Width * frame.Width + frame.Height * frame.Height);
        font.Size = Math.Max(12 * s, 100 * diagonal * 0.55f / font.MeasureText(teks));
        using var paint = new SKPaint { Color = new SKColor(0xc0, 0, 0, 0x38), IsAntialias = true };
        canvas.Save();
        canvas.Translate((frame.Left + frame.Right) / 2, (frame.Top + frame.Bottom) / 2);
        canvas.RotateDegrees((float)(-Math.Atan2(frame.Height, frame.Width) * 180 / Math.PI));
        canvas.DrawText(teks, 0, font.Size * 0.35f, SKTextAlign.Center, font, paint);
        canvas.Restore();
    }

    private static void GambarMataAngin(SKCanvas canvas, Kotak frame, float s)
    {
        var cx = frame.Right - 30 * s;
        var top = frame.Top + 14 * s;
        var h = 40 * s;
        var w = 13 * s;
        var puncak = new SKPoint(cx, top + 16 * s);
        var lekuk = new SKPoint(cx, top + 16 * s + h * 0.72f);
        using var kiri = Polygon(puncak, new SKPoint(cx - w, top + 16 * s + h), lekuk);
        using var kanan = Polygon(puncak, new SKPoint(cx + w, top + 16 * s + h), lekuk);
        using var hitam = Isi(Tinta);
        using var putih = Isi(SKColors.White);
        using var tepi = Garis(Tinta, Math.Max(0.8f, 1.2f * s));
        canvas.DrawPath(kiri, hitam);
        canvas.DrawPath(kanan, putih);
        canvas.DrawPath(kanan, tepi);
        using var font = new SKFont(Bold.Value, 15 * s);
        canvas.DrawText("U", cx, top + 12 * s, SKTextAlign.Center, font, hitam);
    }

    /// <summary>A scale bar in ground distance at the map's centre latitude (Web Mercator stretches by 1/cos φ).</summary>
    private static readonly int[] LangkahSkala = [5, 2, 1];

    private static void GambarSkala(SKCanvas canvas, BentukPeta b, Kotak frame, double skala, double oy, float s)
    {
        var cy = (b.MinY + b.MaxY) / 2;
        var lat = Math.Atan(Math.Sinh(cy / 6378137.0));
        var meterPerPx = Math.Cos(lat) / skala;
        var target = 150 * s * meterPerPx;
        var pangkat = Math.Pow(10, Math.Floor(Math.Log10(target)));
        var langkah = LangkahSkala.Select(k => k * pangkat).First(v => v <= target);
        var px = (float)(langkah / meterPerPx);
        var x = frame.Left + 14 * s;
        var y = frame.Bottom - 18 * s;
        var tinggi = 6 * s;
        using var latar = Isi(new SKColor(255, 255, 255, 210));
        using var font = new SKFont(Regular.Value, 12 * s);
        var teks = langkah >= 1000 ? $"{Klasifikasi.FormatAngka(langkah / 1000, 1)} km" : $"{langkah:0} m";
        var tw = font.MeasureText(teks);
        canvas.DrawRect(x - 6 * s, y - 22 * s, px + tw + 22 * s, 34 * s, latar);
        using var hitam = Isi(Tinta);
        using var putih = Isi(SKColors.White);
        using var tepi = Garis(Tinta, Math.Max(0.8f, 1f * s));
        canvas.DrawRect(x, y - tinggi, px / 2, tinggi, hitam);
        canvas.DrawRect(x + px / 2, y - tinggi, px / 2, tinggi, putih);
        canvas.DrawRect(x, y - tinggi, px, tinggi, tepi);
        canvas.DrawText("0", x, y - tinggi - 4 * s, SKTextAlign.Center, font, hitam);
        canvas.DrawText(teks, x + px + 6 * s, y, SKTextAlign.Left, font, hitam);
    }

    /// <returns>The "DATA SINTETIS" badge, when drawn.</returns>
    private static Kotak? GambarKepala(SKCanvas canvas, IsiPeta isi, Kotak k, float s)
    {
        using var judul = new SKFont(Bold.Value, 32 * s);
        using var sub = new SKFont(Regular.Value, 19 * s);
        using var tinta = new SKPaint { Color = Tinta, IsAntialias = true };
        using var lemah = new SKPaint { Color = TintaLemah, IsAntialias = true };
        Kotak? tanda = null;
        var kanan = k.Right;
        if (isi.Sintetis)
        {
            using var font = new SKFont(Bold.Value, 18 * s);
            const string teks = "DATA SINTETIS";
            var tw = font.MeasureText(teks);
            var kotak = new Kotak(k.Right - tw - 24 * s, k.Top + 4 * s, k.Right, k.Top + 4 * s + 34 * s);
            using var merah = Isi(Merah);
            canvas.DrawRoundRect(ToRect(kotak), 5 * s, 5 * s, merah);
            using var putih = new SKPaint { Color = SKColors.White, IsAntialias = true };
            canvas.DrawText(teks, (kotak.Left + kotak.Right) / 2, kotak.Bottom - 10.5f * s, SKTextAlign.Center, font, putih);
            tanda = kotak;
            kanan = kotak.Left - 16 * s;
        }
        canvas.DrawText(Potong(isi.Judul, judul, kanan - k.Left), k.Left, k.Top + 32 * s, SKTextAlign.Left, judul, tinta);
        canvas.DrawText(Potong(isi.Subjudul, sub, k.Right - k.Left), k.Left, k.Top + 64 * s, SKTextAlign.Left, sub, lemah);
        using var garis = Garis(new SKColor(0xcc, 0xcc, 0xcc), Math.Max(0.8f, 1f * s));
        canvas.DrawLine(k.Left, k.Bottom, k.Right, k.Bottom, garis);
        return tanda;
    }

    private static void GambarLegenda(SKCanvas canvas, IsiPeta isi, Kotak k, float s)
    {
        canvas.Save();
        canvas.ClipRect(ToRect(k));
        using var judul = new SKFont(Bold.Value, 17 * s);
        using var font = new SKFont(Regular.Value, 14.5f * s);
        using var kecil = new SKFont(Regular.Value, 12.5f * s);
        using var tinta = new SKPaint { Color = Tinta, IsAntialias = true };
        using var lemah = new SKPaint { Color = TintaLemah, IsAntialias = true };
        using var tepi = Garis(new SKColor(0x88, 0x88, 0x88), Math.Max(0.6f, 0.8f * s));
        var x = k.Left + 4 * s;
        var y = k.Top + 24 * s;
        canvas.DrawText("Keterangan", x, y, SKTextAlign.Left, judul, tinta);
        y += 16 * s;
        var swW = 30 * s;
        var swH = 19 * s;
        var rows = isi.Pewarnaan.Kelas.Select(c => (c.Label, Warna: (string?)c.Warna, c.Jumlah))
            .Append((isi.Pewarnaan.LabelTanpaData, null, isi.Pewarnaan.TanpaData));
        foreach (var (label, warna, jumlah) in rows)
        {
            var sw = new SKRect(x, y, x + swW, y + swH);
            if (warna is not null)
            {
                using var paint = Isi(SKColor.Parse(warna));
                canvas.DrawRect(sw, paint);
            }
            else
            {
                using var abu = Isi(SKColor.Parse(Palet.TanpaData));
                canvas.DrawRect(sw, abu);
                canvas.Save();
                canvas.ClipRect(sw);
                GambarArsir(canvas, sw, s);
                canvas.Restore();
            }
            canvas.DrawRect(sw, tepi);
            var jumlahTeks = $"{jumlah} {isi.SatuanUnit}";
            var jw = font.MeasureText(jumlahTeks);
            canvas.DrawText(jumlahTeks, k.Right - 4 * s, y + swH * 0.75f, SKTextAlign.Right, font, lemah);
            canvas.DrawText(Potong(label, font, k.Right - 4 * s - jw - 10 * s - (x + swW + 10 * s)), x + swW + 10 * s, y + swH * 0.75f, SKTextAlign.Left, font, tinta);
            y += swH + 9 * s;
        }
        y += 10 * s;
        foreach (var line in Bungkus(isi.Pewarnaan.Catatan, kecil, k.Width - 8 * s))
        {
            canvas.DrawText(line, x, y, SKTextAlign.Left, kecil, lemah);
            y += kecil.Size * 1.35f;
        }
        canvas.Restore();
    }

    private static void GambarKaki(SKCanvas canvas, IsiPeta isi, Kotak k, float s)
    {
        using var font = new SKFont(Regular.Value, 13 * s);
        using var tebal = new SKFont(Bold.Value, 13 * s);
        using var lemah = new SKPaint { Color = TintaLemah, IsAntialias = true };
        using var merah = new SKPaint { Color = Merah, IsAntialias = true };
        using var garis = Garis(new SKColor(0xcc, 0xcc, 0xcc), Math.Max(0.8f, 1f * s));
        canvas.DrawLine(k.Left, k.Top, k.Right, k.Top, garis);
        var baris1 = $"Sumber data: {isi.Sumber} · Periode {isi.Periode} · Batas wilayah: Kepmendagri No. 300.2.2-2430 Tahun 2025 (wilayah_boundaries, MIT)";
        canvas.DrawText(Potong(baris1, font, k.Width), k.Left, k.Top + 19 * s, SKTextAlign.Left, font, lemah);
        var baris2 = $"Dibuat {Tanggal(isi.Tanggal)} dengan Geo";
        canvas.DrawText(baris2, k.Left, k.Top + 40 * s, SKTextAlign.Left, font, lemah);
        var x = k.Left + font.MeasureText(baris2) + 14 * s;
        var tambahan = new List<string>();
        if (isi.Sintetis) tambahan.Add("DATA SINTETIS: sebagian nilai bangkitan untuk demo/uji, bukan data nyata");
        if (isi.Peringatan is { } p) tambahan.Add(p);
        if (tambahan.Count > 0)
        {
            canvas.DrawText(Potong(string.Join(" · ", tambahan), tebal, k.Right - x), x, k.Top + 40 * s, SKTextAlign.Left, tebal, merah);
        }
    }

    private static readonly string[] Bulan =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    public static string Tanggal(DateOnly d) => $"{d.Day} {Bulan[d.Month - 1]} {d.Year}";

    /// <summary>
    /// Noto Sans as shipped has no "≥": "≥ 30%" is written "30% ke atas", which says the same.
    /// </summary>
    public static string TanpaTandaTakTersedia(string text) =>
        text.Contains('≥', StringComparison.Ordinal) ? LebihDari().Replace(text, "$1 ke atas") : text;

    [System.Text.RegularExpressions.GeneratedRegex(@"≥\s*([^)]+)")]
    private static partial System.Text.RegularExpressions.Regex LebihDari();

    /// <summary>The text cut with an ellipsis to fit the width.</summary>
    private static string Potong(string text, SKFont font, float width)
    {
        text = TanpaTandaTakTersedia(text);
        if (width <= 0) return "";
        if (font.MeasureText(text) <= width) return text;
        var lo = 0;
        var hi = text.Length;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (font.MeasureText(string.Concat(text.AsSpan(0, mid), "…")) <= width) lo = mid; else hi = mid - 1;
        }
        return lo == 0 ? "" : string.Concat(text.AsSpan(0, lo).TrimEnd(), "…");
    }

    private static List<string> Bungkus(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && font.MeasureText(candidate) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }
        if (line.Length > 0) lines.Add(line);
        return lines;
    }
}

