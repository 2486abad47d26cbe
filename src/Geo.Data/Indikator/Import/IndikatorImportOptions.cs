namespace Geo.Data.Indikator.Import;

public sealed record IndikatorImportOptions(
    string? Indikator = null,
    string? Periode = null,
    string? Sumber = null,
    string? Wilayah = null,
    string Pengguna = "anonim",
    bool Terbitkan = false)
{
    /// <summary>The options that change what a file means; with the file's hash, the identity of an import.</summary>
    public string Parameter => $"indikator={Indikator?.ToUpperInvariant()};periode={Periode?.ToUpperInvariant()};sumber={Sumber};wilayah={Wilayah}";
}
