namespace Geo.Data.Indikator;

/// <summary>A value or target a batch overwrote, as it was before.</summary>
public sealed record ReplacedValue(string Jenis, string Indikator, string Periode, string Wilayah,
    double? Pembilang, double? Penyebut, double? Nilai, bool HanyaPersen, string? Sumber, long? BatchLama);
