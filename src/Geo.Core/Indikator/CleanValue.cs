namespace Geo.Core.Indikator;

/// <summary>A value ready to store: counts with the value they give, or a percentage alone.</summary>
public sealed record CleanValue(double? Pembilang, double? Penyebut, double? Nilai, bool HanyaPersen);
