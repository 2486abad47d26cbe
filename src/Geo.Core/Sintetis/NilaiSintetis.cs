namespace Geo.Core.Sintetis;

public sealed record NilaiSintetis(string Wilayah, string Indikator, double Pembilang, double? Penyebut);
