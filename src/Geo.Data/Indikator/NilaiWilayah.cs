namespace Geo.Data.Indikator;

/// <summary>A stored value of one wilayah, with its target.</summary>
public sealed record NilaiWilayah(
    string Kode, string Nama, double? Pembilang, double? Penyebut, double? Nilai, bool HanyaPersen,
    string? Sumber, bool Sintetis, long? Batch, string? Status, ApplicableTarget? Target)
{
    public bool Ada => Sumber is not null;
}
