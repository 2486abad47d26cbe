namespace Geo.Core.Indikator;

/// <summary>One desa's contribution: counts when it has them, a percentage-only value otherwise, and a weight if one is known.</summary>
public sealed record DesaValue(double? Pembilang, double? Penyebut, double? Nilai, double? Bobot = null);
