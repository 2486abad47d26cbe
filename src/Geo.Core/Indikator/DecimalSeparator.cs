namespace Geo.Core.Indikator;

public enum DecimalSeparator
{
    Point,
    Comma,
}
