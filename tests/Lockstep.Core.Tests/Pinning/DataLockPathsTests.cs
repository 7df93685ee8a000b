using Lockstep.Core.Pinning;

namespace Lockstep.Core.Tests.Pinning;

public class DataLockPathsTests
{
    [Theory]
    [InlineData("data/train.csv")]
    [InlineData("train.csv")]
    [InlineData("data/.hidden/x.parquet")]
    [InlineData("data/with space.csv")]
    public void Accepts_relative_forward_slash_paths(string key) => Assert.Null(DataLockPaths.Problem(key));

    [Theory]
    [InlineData("")]
    [InlineData("/data/train.csv")]
    [InlineData("data//train.csv")]
    [InlineData("data/")]
    [InlineData("./data/train.csv")]
    [InlineData("data/../train.csv")]
    [InlineData("..")]
    [InlineData("C:/data/train.csv")]
    [InlineData("data\\train.csv")]
    public void Refuses_paths_with_more_than_one_spelling(string key) => Assert.NotNull(DataLockPaths.Problem(key));

    [Fact]
    public void Keys_are_relative_to_the_lock_directory()
    {
        var root = Path.Combine(Path.GetTempPath(), "repo");

        Assert.Equal("data/train.csv", DataLockPaths.KeyFor(root, Path.Combine(root, "data", "train.csv")));
        Assert.Equal("data/train.csv", DataLockPaths.KeyFor(root + Path.DirectorySeparatorChar, Path.Combine(root, "src", "..", "data", "train.csv")));
        Assert.Null(DataLockPaths.KeyFor(root, Path.Combine(Path.GetTempPath(), "other", "train.csv")));
        Assert.Null(DataLockPaths.KeyFor(root, Path.Combine(Path.GetTempPath(), "repo2", "train.csv")));
        Assert.Null(DataLockPaths.KeyFor(root, root));
    }

    [Fact]
    public void A_file_whose_name_starts_with_two_dots_is_inside()
    {
        var root = Path.Combine(Path.GetTempPath(), "repo");

        Assert.Equal("..data.csv", DataLockPaths.KeyFor(root, Path.Combine(root, "..data.csv")));
    }
}
