nav-search = Search
search-title = Search
search-title-for = Search: { $q }
search-field = Words to find
search-kind = Find
search-kind-member = Members
search-kind-organisation = Organisations
search-kind-post = Discussions
search-submit = Search
search-count = { $count ->
    [0] Nothing found
    [one] 1 result
   *[other] { $count } results
}
search-none = Try fewer or shorter words, or another spelling. Thai words are found inside running text.
search-untitled = Reply in a discussion
error-search-kind = Unknown kind of result.
search-language = Language
search-topic = Topic
search-count-more = { $count ->
    [one] More than { $count } result
   *[other] More than { $count } results
}
