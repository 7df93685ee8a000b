using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Lockstep.Analyzers.Data;

/// <summary>
/// ML.NET saves a model as a <c>.zip</c>, the same extension as a zipped dataset. Where no save or load of the path
/// is in sight (the model is loaded in another project, behind an interface, or not yet at all), the names decide:
/// a <c>.zip</c> whose file name has the word "model" (<c>TaxiFareModel.zip</c>, <c>sentiment_model.zip</c>) or that
/// is held by, or built with, a symbol whose name says model (<c>ModelPath</c>, <c>modelFile</c>, <c>$"{ModelsFolder}/churn.zip"</c>)
/// is a model, not data.
/// </summary>
internal static class ModelFileNames
{
    public static bool IsModel(string normalPath, IReadOnlyList<ISymbol> holders)
    {
        if (!string.Equals(DataPaths.Extension(normalPath), "zip", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var name = normalPath.Substring(normalPath.LastIndexOf('/') + 1);
        if (HasWord(name.Substring(0, name.Length - ".zip".Length), "model"))
        {
            return true;
        }

        foreach (var holder in holders)
        {
            if (holder.Name.IndexOf("model", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // The file name's words — split at '_', '-', '.', spaces and lower-to-upper case changes (TaxiFareModel → Taxi
    // Fare Model) — have "model" or "models" with nothing but version numbers after it: TaxiFareModel, sentiment_model,
    // model_v2, model0; not ModelNet40, which names a dataset.
    private static bool HasWord(string name, string word)
    {
        var words = Words(name);
        for (var i = 0; i < words.Count; i++)
        {
            var current = words[i];
            var isWord = string.Equals(current, word, StringComparison.OrdinalIgnoreCase) || string.Equals(current, word + "s", StringComparison.OrdinalIgnoreCase)
                || (current.StartsWith(word, StringComparison.OrdinalIgnoreCase) && current.Substring(word.Length).All(char.IsDigit));
            if (isWord && words.Skip(i + 1).All(IsVersion))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsVersion(string word) =>
        word.Length > 0 && (char.IsDigit(word[0]) || ((word[0] is 'v' or 'V') && word.Length > 1 && char.IsDigit(word[1])));

    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            if (i < name.Length && !(name[i] is '_' or '-' or '.' or ' ') && !(char.IsUpper(name[i]) && char.IsLower(name[i - 1])))
            {
                continue;
            }

            var part = name.Substring(start, i - start).Trim('_', '-', '.', ' ');
            if (part.Length > 0)
            {
                words.Add(part);
            }

            start = i;
        }

        return words;
    }
}
