namespace Geo.Data.Indikator.Import;

/// <summary>The TOTAL row of a column against what its rows give.</summary>
public sealed record TotalCheck(int Baris, string Kolom, double Total, double? Dihitung, string Cara, bool Sesuai);
