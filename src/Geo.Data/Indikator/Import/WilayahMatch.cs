namespace Geo.Data.Indikator.Import;

/// <summary>A row whose wilayah was found by other than an exact name or code.</summary>
public sealed record WilayahMatch(int Baris, string NamaBerkas, string Kode, string NamaWilayah, string Cara, int Jarak);
