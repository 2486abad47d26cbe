using Geo.Core.Errors;

namespace Geo.Data.Ekspor;

/// <summary>How a field is typed in every format: GeoPackage REAL/INTEGER/BOOLEAN/TEXT, DBF N/L/C, XLSX number cells.</summary>
public enum JenisKolom
{
    Teks,
    Angka,
    Bulat,
    Logika,
}

/// <summary>One attribute of an export: its full name (lower case), type and an Indonesian description (the Shapefile sidecar, the XLSX "Keterangan" sheet).</summary>
public sealed record KolomEkspor(string Nama, JenisKolom Jenis, string Keterangan);

/// <summary>A style a GeoPackage embeds in <c>layer_styles</c>: one of the files in styles/, with the field it colours by.</summary>
/// <param name="Gaya">The file name without extension under styles/ (who-stunting, kelas-kesenjangan, lisa, gi-bin).</param>
/// <param name="Kolom">The layer's field that replaces the style's own field name.</param>
public sealed record GayaEkspor(string Gaya, string Kolom, string Judul, bool Bawaan);

/// <summary>What an export says about itself: GeoPackage <c>gpkg_metadata</c>, the XLSX "Keterangan" sheet.</summary>
public sealed record MetadataEkspor(
    string Judul,
    string Sumber,
    string? Periode,
    bool Sintetis,
    string Tampilan,
    string? Parameter,
    string? SidikJari,
    IReadOnlyList<string> Indikator)
{
    /// <summary>The lines a person reads; "Data sintetis" is said in words whenever it applies.</summary>
    public IEnumerable<(string Nama, string Nilai)> Baris()
    {
        yield return ("judul", Judul);
        yield return ("sumber", Sumber);
        if (Periode is not null) yield return ("periode", Periode);
        if (Indikator.Count > 0) yield return ("indikator", string.Join(", ", Indikator));
        yield return ("tampilan", Tampilan);
        yield return ("sintetis", Sintetis ? "ya: memuat Data sintetis (bukan data sebenarnya)" : "tidak");
        if (Parameter is not null) yield return ("parameter analisis", Parameter);
        if (SidikJari is not null) yield return ("sidik jari masukan", SidikJari);
    }
}

/// <summary>A table without geometry that travels with a layer in spreadsheets (the per-indicator ranking of an analysis).</summary>
public sealed record TabelLampiran(string Nama, IReadOnlyList<KolomEkspor> Kolom, IReadOnlyList<object?[]> Baris);

/// <summary>Which geometry text a writer needs, so PostGIS encodes it once and the server never builds geometries it does not use.</summary>
public enum BentukGeometri
{
    Tanpa,
    /// <summary>ST_AsBinary of the multipolygon and its envelope (GeoPackage, Shapefile).</summary>
    Wkb,
    /// <summary>ST_AsGeoJSON, exterior rings counter-clockwise (RFC 7946).</summary>
    GeoJson,
}

/// <summary>One row as read: values in field order, and the geometry in the form asked for.</summary>
public sealed class BarisEkspor(int kolom)
{
    public object?[] Nilai { get; } = new object?[kolom];
    public byte[]? Wkb { get; set; }
    public string? GeoJson { get; set; }
    public double MinX { get; set; }
    public double MaxX { get; set; }
    public double MinY { get; set; }
    public double MaxY { get; set; }
}

/// <summary>
/// An export: its layer name, fields, metadata and styles, and its rows, read from PostGIS only
/// when a writer asks for them (after every check has passed, so an error is never half a file).
/// </summary>
public sealed class LapisanEkspor(
    string nama, IReadOnlyList<KolomEkspor> kolom, MetadataEkspor metadata, IReadOnlyList<GayaEkspor> gaya,
    Func<BentukGeometri, CancellationToken, IAsyncEnumerable<BarisEkspor>> baris, IReadOnlyList<TabelLampiran>? lampiran = null)
{
    public string Nama { get; } = nama;
    public IReadOnlyList<KolomEkspor> Kolom { get; } = kolom;
    public MetadataEkspor Metadata { get; } = metadata;
    public IReadOnlyList<GayaEkspor> Gaya { get; } = gaya;
    public IReadOnlyList<TabelLampiran> Lampiran { get; } = lampiran ?? [];

    public IAsyncEnumerable<BarisEkspor> BarisAsync(BentukGeometri bentuk, CancellationToken ct) => baris(bentuk, ct);
}

public enum FormatEkspor
{
    GeoPackage,
    Shapefile,
    GeoJson,
    Csv,
    Xlsx,
}

public static class FormatEksporNames
{
    public static FormatEkspor Parse(string? text, string parameter = "format") => text?.Trim().ToLowerInvariant() switch
    {
        "gpkg" or "geopackage" => FormatEkspor.GeoPackage,
        "shp" or "shp.zip" or "zip" or "shapefile" => FormatEkspor.Shapefile,
        "geojson" or "json" => FormatEkspor.GeoJson,
        "csv" => FormatEkspor.Csv,
        "xlsx" => FormatEkspor.Xlsx,
        "fgb" or "flatgeobuf" => throw GeoException.Parameter(parameter,
            "FlatGeobuf belum tersedia: tidak ada penulis .NET yang terawat di cermin NuGet; pakai gpkg"),
        _ => throw GeoException.Parameter(parameter, $"format '{UserTextOf(text)}' tidak dikenal; pilih gpkg, shp, geojson, csv atau xlsx"),
    };

    /// <summary>The format a file name asks for by its extension (.gpkg, .zip/.shp.zip, .geojson, .csv, .xlsx).</summary>
    public static FormatEkspor FromFileName(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (name.EndsWith(".shp.zip", StringComparison.Ordinal)) return FormatEkspor.Shapefile;
        return Parse(Path.GetExtension(name).TrimStart('.'), "keluaran");
    }

    public static string Extension(this FormatEkspor format) => format switch
    {
        FormatEkspor.GeoPackage => "gpkg",
        FormatEkspor.Shapefile => "shp.zip",
        FormatEkspor.GeoJson => "geojson",
        FormatEkspor.Csv => "csv",
        _ => "xlsx",
    };

    public static string ContentType(this FormatEkspor format) => format switch
    {
        FormatEkspor.GeoPackage => "application/geopackage+sqlite3",
        FormatEkspor.Shapefile => "application/zip",
        FormatEkspor.GeoJson => "application/geo+json",
        FormatEkspor.Csv => "text/csv; charset=utf-8",
        _ => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    private static string UserTextOf(string? text) => Geo.Core.Text.UserText.Shorten(text ?? "");
}
