namespace Geo.Data.Tests.Support;

/// <summary>Paths to the project's data/ and to the shared real data beside the checkout.</summary>
public static class DataFiles
{
    public static string ProjectRoot { get; } = FindRoot();

    public static string Boundaries(string file) => Path.Combine(ProjectRoot, "data", "boundaries", file);

    public static string Shared(string relative) => Path.GetFullPath(Path.Combine(ProjectRoot, "..", "shared", "data", relative));

    public static string TestData(string file) => Path.Combine(ProjectRoot, "tests", "data", file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Geo.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Geo.sln not found above the test binaries");
    }
}
