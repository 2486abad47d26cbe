using Geo.Data.Analisis;
using Geo.Data.Indikator;
using Geo.Publication.Fonts;
using Geo.Publication.Laporan;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Npgsql;
using SkiaSharp;

namespace Geo.Publication.Tests.Laporan;

/// <summary>
/// A plain map renderer for the report's tests until the static map renderer is wired in: the real
/// boundaries from PostGIS, filled by value (quintiles) or by the run's class, LISA or Gi* bin, with
/// a title and a legend, as a real PNG.
/// </summary>
public sealed class UjiPeta(NpgsqlDataSource dataSource, SituationAnalysisService analysis, NilaiQueries nilai) : IPetaLaporan
{
    public int Calls { get; private set; }

    public async Task<byte[]?> PngAsync(PetaPermintaan permintaan, CancellationToken ct = default)
    {
        var p = permintaan;
        Calls++;
        var shapes = new List<(string Kode, Geometry Geom)>();
        await using (var cmd = dataSource.CreateCommand("SELECT kode, ST_AsBinary(geom) FROM wilayah WHERE tingkat = $1 AND kode LIKE $2 ORDER BY kode"))
        {
            cmd.Parameters.AddWithValue((short)p.Analisis.Tingkat);
            cmd.Parameters.AddWithValue(p.Wilayah.Value + ".%");
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var wkb = new WKBReader();
            while (await reader.ReadAsync(ct)) shapes.Add((reader.GetString(0), wkb.Read(reader.GetFieldValue<byte[]>(1))));
        }

        Dictionary<string, SKColor> fill;
        List<(SKColor, string)> legend;
        if (p.Lapisan == "nilai")
        {
            var values = (await nilai.ValuesAsync(p.Caller, p.Wilayah, p.Analisis.Tingkat, p.Indikator, p.Periode, p.Analisis.Tampilan, ct))
                .Where(v => v.Nilai is not null).ToDictionary(v => v.Kode, v => v.Nilai!.Value);
            var sorted = values.Values.Order().ToArray();
            SKColor[] ramp = [new(0xff, 0xff, 0xb2), new(0xfe, 0xcc, 0x5c), new(0xfd, 0x8d, 0x3c), new(0xf0, 0x3b, 0x20), new(0xbd, 0x00, 0x26)];
            var breaks = Enumerable.Range(1, 4).Select(i => sorted[Math.Min(sorted.Length - 1, i * sorted.Length / 5)]).ToArray();
            fill = values.ToDictionary(kv => kv.Key, kv => ramp[breaks.Count(b => kv.Value >= b)]);
            legend = ramp.Select((c, i) => (c, i == 0 ? $"< {Teks.Hasil(breaks[0])}" : i == 4 ? $"{Teks.Hasil(breaks[3])} ke atas" : $"{Teks.Hasil(breaks[i - 1])} – {Teks.Hasil(breaks[i])}")).ToList();
        }
        else
        {
            var run = await analysis.RunAsync(p.Caller, p.Analisis, ct);
            (Func<Core.Analisis.AnalysisRow, string> key, (string Key, SKColor Color, string Label)[] palette) = p.Lapisan switch
            {
                "kelas" => (r => r.Kelas, Core.Analisis.GapClass.All.Select((k, i) =>
                    (k, new[] { new SKColor(0xd7, 0x19, 0x1c), new SKColor(0xfd, 0xae, 0x61), new SKColor(0xfe, 0xe0, 0x8b), new SKColor(0x2c, 0x7b, 0xb6), new SKColor(0xcc, 0xcc, 0xcc) }[i], Teks.Kelas(k))).ToArray()),
                "lisa" => ((Func<Core.Analisis.AnalysisRow, string>)(r => r.Lisa), new[]
                {
                    ("HH", new SKColor(0xd7, 0x19, 0x1c), "Tinggi-Tinggi"), ("HL", new SKColor(0xf4, 0xa5, 0x82), "Tinggi-Rendah"),
                    ("LH", new SKColor(0x92, 0xc5, 0xde), "Rendah-Tinggi"), ("LL", new SKColor(0x05, 0x71, 0xb0), "Rendah-Rendah"),
                    ("tidak_signifikan", new SKColor(0xee, 0xee, 0xee), "Tidak signifikan"),
                }),
                _ => (r => (r.GiBin ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), new[]
                {
                    ("3", new SKColor(0xd7, 0x30, 0x27), "Panas 99%"), ("2", new SKColor(0xfc, 0x8d, 0x59), "Panas 95%"), ("1", new SKColor(0xfe, 0xe0, 0x90), "Panas 90%"),
                    ("0", new SKColor(0xee, 0xee, 0xee), "Tidak signifikan"), ("-1", new SKColor(0xe0, 0xf3, 0xf8), "Dingin 90%"),
                    ("-2", new SKColor(0x91, 0xbf, 0xdb), "Dingin 95%"), ("-3", new SKColor(0x45, 0x75, 0xb4), "Dingin 99%"),
                }),
            };
            var colours = palette.ToDictionary(x => x.Key, x => x.Color);
            fill = run.Rows.ToDictionary(r => r.Kode, r => colours.GetValueOrDefault(key(r), new SKColor(0xee, 0xee, 0xee)));
            legend = palette.Select(x => (x.Color, x.Label)).ToList();
        }
        return Draw(shapes, fill, legend, Teks.Lapisan(p.Lapisan), p.Lebar, p.Tinggi);
    }

    private static byte[] Draw(List<(string Kode, Geometry Geom)> shapes, Dictionary<string, SKColor> fill, List<(SKColor, string)> legend, string title, int width, int height)
    {
        var envelope = new Envelope();
        foreach (var (_, g) in shapes) envelope.ExpandToInclude(g.EnvelopeInternal);
        var cosLat = Math.Cos(envelope.Centre.Y * Math.PI / 180);
        var margin = width * 0.05;
        var top = height * 0.1;
        var scale = Math.Min((width - 2 * margin) / (envelope.Width * cosLat), (height - top - margin) / envelope.Height);
        SKPoint Project(Coordinate c) => new((float)(margin + (c.X - envelope.MinX) * cosLat * scale), (float)(top + (envelope.MaxY - c.Y) * scale));

        using var bitmap = new SKBitmap(width, height);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var stroke = new SKPaint { Color = new SKColor(0x55, 0x55, 0x55), Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f, IsAntialias = true };
        foreach (var (kode, geom) in shapes)
        {
            using var builder = new SKPathBuilder { FillType = SKPathFillType.EvenOdd };
            for (var i = 0; i < geom.NumGeometries; i++)
            {
                var polygon = (Polygon)geom.GetGeometryN(i);
                foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
                {
                    builder.AddPoly(ring.Coordinates.Select(Project).ToArray(), true);
                }
            }
            using var path = builder.Detach();
            using var paint = new SKPaint { Color = fill.GetValueOrDefault(kode, new SKColor(0xee, 0xee, 0xee)), Style = SKPaintStyle.Fill, IsAntialias = true };
            canvas.DrawPath(path, paint);
            canvas.DrawPath(path, stroke);
        }

        using var typeface = SKTypeface.FromData(SKData.CreateCopy(GeoFonts.Bold));
        using var titleFont = new SKFont(typeface, height * 0.04f);
        using var ink = new SKPaint { Color = new SKColor(0x21, 0x21, 0x21), IsAntialias = true };
        canvas.DrawText(title, (float)margin, height * 0.06f, SKTextAlign.Left, titleFont, ink);
        using var legendFont = new SKFont(typeface, height * 0.022f);
        var y = (float)(height - margin - legend.Count * height * 0.035);
        foreach (var (colour, label) in legend)
        {
            using var box = new SKPaint { Color = colour, Style = SKPaintStyle.Fill };
            canvas.DrawRect((float)margin, y, height * 0.025f, height * 0.025f, box);
            canvas.DrawRect((float)margin, y, height * 0.025f, height * 0.025f, stroke);
            canvas.DrawText(label, (float)(margin + height * 0.035), y + height * 0.021f, SKTextAlign.Left, legendFont, ink);
            y += height * 0.035f;
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
