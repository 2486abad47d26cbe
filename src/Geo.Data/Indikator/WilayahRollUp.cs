namespace Geo.Data.Indikator;

/// <summary>A roll-up of desa values to one unit (kecamatan, kab/kota, provinsi or a grouping).</summary>
public sealed record WilayahRollUp(
    string Kode, string Nama, Geo.Core.Indikator.RollUpResult Agregat, int HanyaPersen,
    IReadOnlyList<string> Sumber, bool Sintetis, NilaiWilayah? Tercatat, ApplicableTarget? Target);
