namespace Geo.Data.Indikator;

public sealed record IndikatorInfo(
    string Kode, string Nama, string Kelompok, string? Sasaran, string Satuan, string? Polaritas,
    string? DefinisiPembilang, string? DefinisiPenyebut, IReadOnlyList<string> PenyebutSasaran,
    double? TargetNasional, string? Urusan, string? PenanggungJawab, string? Catatan, bool Bawaan)
{
    public bool Persen => Satuan == "persen";
}
