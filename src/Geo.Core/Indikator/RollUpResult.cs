namespace Geo.Core.Indikator;

public sealed record RollUpResult(RollUpMethod Metode, double? Nilai, double? Pembilang, double? Penyebut, int Melapor, int JumlahDesa);
