namespace ModelPackTools.Archives.Deflate;

/// <summary>
/// How hard the LZ77 matcher looks, per gzip level: zlib's configuration_table (deflate.c), levels 1-3 greedy
/// (deflate_fast), 4-9 lazy (deflate_slow), except that level 6 uses zlib's level-5 search and 7 zlib's level 6.
/// <see cref="MatchFinder"/> hashes 4 bytes, not 3, so its chains hold only real candidates, and the shorter search
/// codes the text bench model to 0.2966 of its size (gzip -6: 0.3007; zlib's level-6 search: 0.2964) 1.7x faster.
/// On text made of a handful of words repeated at random, where the longest matches sit deep in the chains, level 6
/// is about 8% larger than gzip -6 and level 7 matches it (bench/README.md has the figures).
/// </summary>
/// <param name="Good">A previous match this long makes the next search look at only a quarter of the chain.</param>
/// <param name="Lazy">Lazy: no second look after a match this long. Greedy: the longest match whose strings are all hashed.</param>
/// <param name="Nice">Stop searching at a match this long.</param>
/// <param name="Chain">At most this many hash-chain candidates per search.</param>
internal readonly record struct MatchSettings(int Good, int Lazy, int Nice, int Chain, bool IsLazy)
{
    public static MatchSettings ForLevel(int level) => level switch
    {
        1 => new(4, 4, 8, 4, false),
        2 => new(4, 5, 16, 8, false),
        3 => new(4, 6, 32, 32, false),
        4 => new(4, 4, 16, 16, true),
        5 => new(8, 16, 32, 32, true),
        6 => new(8, 16, 32, 32, true),
        7 => new(8, 16, 128, 128, true),
        8 => new(32, 128, 258, 1024, true),
        9 => new(32, 258, 258, 4096, true),
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "LZ77 matching is for levels 1-9."),
    };
}
