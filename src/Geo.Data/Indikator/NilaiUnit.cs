namespace Geo.Data.Indikator;

/// <summary>One indicator's published value for one wilayah, with the catalogue facts a panel needs to judge it.</summary>
public sealed record NilaiUnit(
    string Indikator, string Nama, string Kelompok, string Satuan, string? Polaritas,
    double? Pembilang, double? Penyebut, double? Nilai, bool HanyaPersen, string? Sumber, bool Sintetis, ApplicableTarget? Target);
