using Geo.Core.Akun;
using Geo.Core.Errors;
using Geo.Core.Wilayah;

namespace Geo.Data.Indikator.Import;

/// <summary>How to read a file; every import is a draft (publication goes through the gate, <see cref="BatchStore"/>).</summary>
/// <param name="Pengguna">Who imports, as the audit log records it.</param>
/// <param name="Oleh">The account importing over HTTP; null for the server's own shell (the CLI on the database).</param>
public sealed record IndikatorImportOptions(
    string? Indikator = null,
    string? Periode = null,
    string? Sumber = null,
    string? Wilayah = null,
    string Pengguna = "anonim",
    Caller? Oleh = null)
{
    /// <summary>An operator role is needed, and a wilayah option within the account's area (the values are checked once staged).</summary>
    public void EnsureAllowed()
    {
        if (Oleh is null) return;
        if (!Oleh.Has(Peran.Operator)) throw GeoException.Forbidden("impor nilai indikator hanya untuk akun berperan operator");
        if (Wilayah is { } w && KodeWilayah.TryParse(w, out var kode, out _) && !Oleh.Area.Contains(kode))
        {
            throw GeoException.Forbidden($"wilayah {kode} di luar wilayah akun {Oleh.Area.RootCode}");
        }
    }

    /// <summary>The options that change what a file means; with the file's hash, the identity of an import.</summary>
    public string Parameter => $"indikator={Indikator?.ToUpperInvariant()};periode={Periode?.ToUpperInvariant()};sumber={Sumber};wilayah={Wilayah}";
}
