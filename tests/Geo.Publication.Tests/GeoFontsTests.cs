using Geo.Publication.Fonts;

namespace Geo.Publication.Tests;

public class GeoFontsTests
{
    [Fact]
    public void Both_faces_are_embedded_TrueType_files()
    {
        foreach (var face in new[] { GeoFonts.Regular, GeoFonts.Bold })
        {
            Assert.True(face.Length > 100_000);
            Assert.Equal(new byte[] { 0, 1, 0, 0 }, face[..4]);
        }
        Assert.NotEqual(GeoFonts.Regular, GeoFonts.Bold);
    }
}
