namespace Geo.Data.Indikator.Import;

/// <summary>How to read a file; every import is a draft (publication goes through the gate, <see cref="BatchStore"/>).</summary>
/// <param name="Pengguna">Who imports, as the audit log records it.</param>
public sealed record IndikatorImportOptions(
    string? Indikator = null,
    string? Periode = null,
    string? Sumber = null,
    string? Wilayah = null,
    string Pengguna = "anonim")
{
    /// <summary>The options that change what a file means; with the file's hash, the identity of an import.</summary>
    public string Parameter => $"indikator={Indikator?.ToUpperInvariant()};periode={Periode?.ToUpperInvariant()};sumber={Sumber};wilayah={Wilayah}";
}
