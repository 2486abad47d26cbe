namespace Geo.Core.Wilayah;

/// <summary>Administrative level of a wilayah, in the order of the Kepmendagri code's segments.</summary>
public enum Tingkat
{
    Provinsi = 1,
    KabKota = 2,
    Kecamatan = 3,
    Desa = 4,
}

public static class TingkatNames
{
    /// <summary>The wire and CLI name of a level: provinsi, kabkota, kecamatan, desa.</summary>
    public static string ToName(this Tingkat tingkat) => tingkat switch
    {
        Tingkat.Provinsi => "provinsi",
        Tingkat.KabKota => "kabkota",
        Tingkat.Kecamatan => "kecamatan",
        Tingkat.Desa => "desa",
        _ => throw new ArgumentOutOfRangeException(nameof(tingkat)),
    };

    public static bool TryParse(string? name, out Tingkat tingkat)
    {
        switch (name?.Trim().ToLowerInvariant().Replace("/", "").Replace("_", "").Replace("-", ""))
        {
            case "provinsi": case "prov": tingkat = Tingkat.Provinsi; return true;
            case "kabkota": case "kabupatenkota": case "kabupaten": case "kota": case "kab": tingkat = Tingkat.KabKota; return true;
            case "kecamatan": case "kec": tingkat = Tingkat.Kecamatan; return true;
            case "desa": case "kelurahan": case "desakelurahan": case "kel": tingkat = Tingkat.Desa; return true;
            default: tingkat = default; return false;
        }
    }
}
