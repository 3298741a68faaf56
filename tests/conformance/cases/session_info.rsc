d <- packageDescription("stats")
class(d)
d$Package
packageDescription("utils", fields = "Priority")
packageVersion("stats") >= "4.0.0"
class(packageVersion("base"))
"stats" %in% rownames(installed.packages())
installed.packages()["stats", "Priority"]
find.package("noSuchPackage", quiet = TRUE)
length(find.package("stats"))
tryCatch(find.package("noSuchPackage"), error = function(e) conditionMessage(e))
ngettext(1, "one file", "many files")
ngettext(3, "one file", "many files")
gettext("hello")
.LC.categories[1:3]
environmentName(.BaseNamespaceEnv)
Sys.localeconv()[c("decimal_point", "thousands_sep")]
pcre_config()[["UTF-8"]]
is.character(La_version())
names(Cstack_info())
gc.time()
e <- new.env()
assign("a", 1:3, envir = e); assign("b", 10, envir = e)
eapply(e, sum)[order(names(eapply(e, sum)))]
as.null(list(1, 2))
ex <- as.expression(c(1, 2))
class(ex); length(ex)
as.expression(quote(x + y))
provideDimnames(matrix(1:4, 2))
provideDimnames(array(1:8, c(2, 2, 2)), base = list(letters, c("u", "v")))
withAutoprint({
  a <- 2
  a * 21
  invisible(5)
})
setHook("myEvent", function() cat("hook ran\n"))
length(getHook("myEvent"))
for (h in getHook("myEvent")) h()
setHook("myEvent", NULL, "replace")
length(getHook("myEvent"))
packageEvent("stats", "attach")
suppressMessages(packageStartupMessage("hidden"))
tryCatch(packageStartupMessage("caught"), packageStartupMessage = function(m) cat("got:", conditionMessage(m)))
gcinfo(FALSE)
