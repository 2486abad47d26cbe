namespace Geo.Data.Indikator;

/// <summary>The target that applies to a wilayah in a year, and where it comes from: a wilayah code (its own or an ancestor's) or "nasional".</summary>
public sealed record ApplicableTarget(double Nilai, string Asal);
