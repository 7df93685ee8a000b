namespace Lockstep.Analyzers.Data;

/// <summary>Text-level facts about a path: its normal form, its extension, whether it belongs to one machine.</summary>
internal static class DataPaths
{
    /// <summary>Forward slashes, no leading <c>./</c>, no trailing slash.</summary>
    public static string Normalize(string path)
    {
        var normal = path.Trim().Replace('\\', '/');
        while (normal.StartsWith("./", StringComparison.Ordinal))
        {
            normal = normal.Substring(2);
        }

        return normal.TrimEnd('/');
    }

    /// <summary>The extension of the last segment, without the dot (<c>gz</c> for <c>a.csv.gz</c>), or empty.</summary>
    public static string Extension(string normalPath)
    {
        var name = normalPath.Substring(normalPath.LastIndexOf('/') + 1);
        var dot = name.LastIndexOf('.');
        return dot <= 0 || dot == name.Length - 1 ? string.Empty : name.Substring(dot + 1);
    }

    /// <summary>The first segment of a relative path, or empty for an absolute one.</summary>
    public static string FirstSegment(string normalPath)
    {
        if (normalPath.StartsWith("/", StringComparison.Ordinal) || (normalPath.Length > 1 && normalPath[1] == ':'))
        {
            return string.Empty;
        }

        var slash = normalPath.IndexOf('/');
        return slash < 0 ? string.Empty : normalPath.Substring(0, slash);
    }

    /// <summary>A path inside someone's home folder: <c>C:\Users\…</c>, <c>/home/…</c>, <c>/Users/…</c>.</summary>
    public static bool IsMachineSpecific(string text)
    {
        var normal = text.Replace('\\', '/');
        if (normal.Length > 3 && char.IsLetter(normal[0]) && normal[1] == ':' && normal[2] == '/')
        {
            normal = normal.Substring(2);
            return normal.StartsWith("/Users/", StringComparison.OrdinalIgnoreCase)
                || normal.StartsWith("/Documents and Settings/", StringComparison.OrdinalIgnoreCase);
        }

        return normal.StartsWith("/home/", StringComparison.Ordinal)
            || normal.StartsWith("/Users/", StringComparison.Ordinal)
            || normal.StartsWith("/root/", StringComparison.Ordinal);
    }

    /// <summary>
    /// A configuration file or a model's own metadata, not training data, by its name: <c>appsettings.json</c>,
    /// <c>appsettings.Production.json</c>, <c>config.json</c>, <c>*.config.json</c>, <c>*settings.json</c>,
    /// <c>*.runtimeconfig.json</c>, and a checkpoint's shard index <c>*.safetensors.index.json</c>.
    /// </summary>
    public static bool IsConfigurationOrModelMetadata(string normalPath)
    {
        var name = normalPath.Substring(normalPath.LastIndexOf('/') + 1);
        if (!name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return name.StartsWith("appsettings.", StringComparison.OrdinalIgnoreCase)
            || name.Equals("config.json", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".config.json", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith("settings.json", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".runtimeconfig.json", StringComparison.OrdinalIgnoreCase)
            || name.EndsWith(".safetensors.index.json", StringComparison.OrdinalIgnoreCase);
    }
}
