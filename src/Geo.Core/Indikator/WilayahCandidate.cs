namespace Geo.Core.Indikator;

public sealed record WilayahCandidate(string Kode, string Nama);
