namespace Geo.Data.Indikator;

public sealed record NewIndikator(
    string Kode, string Nama, string Satuan, string? Polaritas, string? DefinisiPembilang = null, string? DefinisiPenyebut = null,
    double? TargetNasional = null, string? Sasaran = null, IReadOnlyList<string>? PenyebutSasaran = null, string? Catatan = null);
