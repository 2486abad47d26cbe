using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Wilayah;

namespace Geo.Data.Wilayah.Import;

/// <param name="Tingkat">When set, every feature must be of this level.</param>
/// <param name="KolomKode">The attribute holding the Kepmendagri code; by default the first of the usual names present.</param>
/// <param name="KolomNama">The attribute holding the name; likewise.</param>
/// <param name="Lapisan">The layer to read from a GeoPackage with more than one.</param>
/// <param name="Oleh">Who imports; null for the server's own shell (the CLI on the database).</param>
public sealed record BoundaryImportOptions(Tingkat? Tingkat = null, string? KolomKode = null, string? KolomNama = null, string? Lapisan = null, Caller? Oleh = null)
{
    /// <summary>
    /// Boundaries are national reference data (Kepmendagri), and a kab/kota's import would also
    /// redraw the provinsi it lies in: only a national operator may import them.
    /// </summary>
    public void EnsureAllowed()
    {
        if (Oleh is null) return;
        if (!Oleh.Has(Peran.Operator) || Oleh.Area != WilayahScope.Nasional)
        {
            throw GeoException.Forbidden("batas wilayah adalah data rujukan nasional: hanya operator akun nasional yang dapat mengimpornya");
        }
    }

    /// <summary>Column names seen in Kemendagri, BIG (RBI) and Dukcapil deliveries, in order of preference.</summary>
    public static readonly string[] KodeCandidates = ["kode", "kode_wilayah", "kode_kemendagri", "kdepum", "kode_desa", "kd_desa", "kodedesa", "kode_kec", "kode_kab", "kode_prov"];

    public static readonly string[] NamaCandidates = ["nama", "nama_wilayah", "namobj", "nama_desa", "wadmkd", "desa", "kelurahan", "nama_kec", "wadmkc", "nama_kab", "wadmkk", "nama_prov", "wadmpr", "name"];
}
