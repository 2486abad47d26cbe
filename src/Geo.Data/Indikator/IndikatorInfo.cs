namespace Geo.Data.Indikator;

public sealed record IndikatorInfo(
    string Kode, string Nama, string Kelompok, string? Sasaran, string Satuan, string? Polaritas,
    string? DefinisiPembilang, string? DefinisiPenyebut, IReadOnlyList<string> PenyebutSasaran,
    double? TargetNasional, string? Urusan, string? PenanggungJawab, string? Catatan, bool Bawaan)
{
    public bool Persen => Satuan == "persen";
}

/// <summary>The target that applies to a wilayah in a year, and where it comes from: a wilayah code (its own or an ancestor's) or "nasional".</summary>
public sealed record ApplicableTarget(double Nilai, string Asal);

/// <summary>A stored value of one wilayah, with its target.</summary>
public sealed record NilaiWilayah(
    string Kode, string Nama, double? Pembilang, double? Penyebut, double? Nilai, bool HanyaPersen,
    string? Sumber, bool Sintetis, long? Batch, string? Status, ApplicableTarget? Target)
{
    public bool Ada => Sumber is not null;
}

/// <summary>A roll-up of desa values to one unit (kecamatan, kab/kota, provinsi or a grouping).</summary>
public sealed record WilayahRollUp(
    string Kode, string Nama, Geo.Core.Indikator.RollUpResult Agregat, int HanyaPersen,
    IReadOnlyList<string> Sumber, bool Sintetis, NilaiWilayah? Tercatat, ApplicableTarget? Target);
