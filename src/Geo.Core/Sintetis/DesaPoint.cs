namespace Geo.Core.Sintetis;

public sealed record DesaPoint(string Kode, double Lon, double Lat);
