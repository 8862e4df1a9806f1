namespace Botshop.Ml;

/// <summary>
/// Maps spelling variants of one word to one form, so a model trained on "what is the programme" also recognises
/// "whats the program": contractions (apostrophes are already gone) and chat shorthand are spelled out, British
/// spellings become American. Only whole words that cannot mean anything else are mapped ("its", "ill", "id" and
/// "were" are left alone), and only general English, never a word of a particular posting.
/// </summary>
internal static class WordVariants
{
    /// <summary>The canonical form of one normalised word (possibly several words), or the word itself.</summary>
    public static string Canonical(string word)
    {
        if (Table.TryGetValue(word, out var canonical))
            return canonical;
        // organisation(s) -> organization(s), specialisation -> specialization: the one British suffix that is safe to
        // rewrite by rule ("-ise" alone is not: advise, expertise, premise).
        if (word.EndsWith("isation", StringComparison.Ordinal) || word.EndsWith("isations", StringComparison.Ordinal))
            return word.Replace("isation", "ization", StringComparison.Ordinal);
        return word;
    }

    private static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        // Contractions, as TextNormalizer leaves them: "what's" -> "whats".
        ["whats"] = "what is", ["wheres"] = "where is", ["whos"] = "who is", ["hows"] = "how is", ["whens"] = "when is",
        ["whys"] = "why is", ["thats"] = "that is", ["theres"] = "there is", ["heres"] = "here is",
        ["im"] = "i am", ["ive"] = "i have", ["youre"] = "you are", ["youve"] = "you have", ["youll"] = "you will",
        ["theyre"] = "they are", ["dont"] = "do not", ["doesnt"] = "does not", ["didnt"] = "did not",
        ["cant"] = "can not", ["cannot"] = "can not", ["wont"] = "will not", ["isnt"] = "is not", ["arent"] = "are not",
        ["wasnt"] = "was not", ["werent"] = "were not", ["shouldnt"] = "should not", ["wouldnt"] = "would not",
        ["couldnt"] = "could not", ["havent"] = "have not", ["hasnt"] = "has not", ["lets"] = "let us",
        // Chat shorthand.
        ["u"] = "you", ["ur"] = "your", ["r"] = "are", ["pls"] = "please", ["plz"] = "please", ["thx"] = "thanks",
        ["wanna"] = "want to", ["gonna"] = "going to", ["abt"] = "about", ["ppl"] = "people", ["wat"] = "what",
        ["wht"] = "what", ["bc"] = "because", ["cuz"] = "because",
        // British -> American.
        ["centre"] = "center", ["centres"] = "centers", ["programme"] = "program", ["programmes"] = "programs",
        ["organise"] = "organize", ["organised"] = "organized", ["colour"] = "color", ["favour"] = "favor",
        ["favourite"] = "favorite", ["behaviour"] = "behavior", ["labour"] = "labor", ["honour"] = "honor",
        ["neighbour"] = "neighbor", ["analyse"] = "analyze", ["analysed"] = "analyzed", ["recognise"] = "recognize",
        ["specialise"] = "specialize", ["specialised"] = "specialized", ["optimise"] = "optimize",
        ["prioritise"] = "prioritize", ["realise"] = "realize", ["summarise"] = "summarize", ["utilise"] = "utilize",
        ["licence"] = "license", ["defence"] = "defense", ["practise"] = "practice", ["enrol"] = "enroll",
        ["enrolment"] = "enrollment", ["travelling"] = "traveling", ["modelling"] = "modeling",
        ["labelled"] = "labeled", ["cancelled"] = "canceled", ["focussed"] = "focused", ["catalogue"] = "catalog",
    };
}
