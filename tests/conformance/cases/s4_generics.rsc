# S4 generics: setGeneric, setMethod, multiple dispatch, ANY/missing, callNextMethod
setClass("Animal", representation(name = "character", "VIRTUAL"))
setClass("Dog", contains = "Animal", representation(breed = "character"))
setClass("Puppy", contains = "Dog")
setClass("Cat", contains = "Animal")

setGeneric("speak", function(a, ...) standardGeneric("speak"))
setMethod("speak", "Animal", function(a, ...) cat("...", a@name, "makes a sound\n"))
setMethod("speak", "Dog", function(a, ...) {
  cat(a@name, "the", a@breed, "says woof\n")
  callNextMethod()
})
setMethod("speak", "Puppy", function(a, ...) {
  cat("(a puppy)\n")
  callNextMethod()
})
d <- new("Dog", name = "Rex", breed = "collie")
speak(d)
speak(new("Puppy", name = "Bit", breed = "pug"))
speak(new("Cat", name = "Tom"))
r <- tryCatch(speak(42), error = function(e) conditionMessage(e))
r

# multiple dispatch with ANY and missing
setGeneric("combine", function(x, y) standardGeneric("combine"))
setMethod("combine", signature("numeric", "numeric"), function(x, y) "num-num")
setMethod("combine", signature("numeric", "character"), function(x, y) "num-chr")
setMethod("combine", signature("character", "ANY"), function(x, y) "chr-any")
setMethod("combine", signature("ANY", "ANY"), function(x, y) "any-any")
setMethod("combine", signature("numeric", "missing"), function(x, y) "num-missing")
combine(1, 2)
combine(1L, 2)
combine(1, "a")
combine("a", 1)
combine("a", TRUE)
combine(TRUE, 1)
combine(3)
combine(list(), NULL)

# distance: the nearest superclass wins
setGeneric("describe", function(obj) standardGeneric("describe"))
setMethod("describe", "Animal", function(obj) paste("animal", obj@name))
setMethod("describe", "Dog", function(obj) paste("dog", obj@name))
describe(new("Puppy", name = "P1", breed = "x"))
describe(new("Cat", name = "C1"))

existsMethod("describe", "Dog")
existsMethod("describe", "Puppy")
hasMethod("describe", "Puppy")
hasMethod("describe", "numeric")
isGeneric("describe")
showMethods("describe")
removeMethod("describe", "Dog")
describe(new("Puppy", name = "P2", breed = "y"))

# show methods and printing
setClass("Money", representation(amount = "numeric", currency = "character"))
setMethod("show", "Money", function(object) {
  cat(format(object@amount, nsmall = 2), object@currency, "\n")
})
m <- new("Money", amount = 12.5, currency = "EUR")
m
print(m)
list(m)[[1]]

# valueClass and a generic with a default from a plain function
setGeneric("scale2", function(x, k) standardGeneric("scale2"), valueClass = "numeric")
setMethod("scale2", signature("numeric", "numeric"), function(x, k) x * k)
scale2(1:3, 2)
twice <- function(x) x * 2
setGeneric("twice")
setMethod("twice", "character", function(x) paste(x, x))
twice(4)
twice("ab")

# initialize methods with callNextMethod
setClass("Counter", representation(count = "numeric", label = "character"))
setMethod("initialize", "Counter", function(.Object, ..., start = 0) {
  .Object <- callNextMethod(.Object, ...)
  .Object@count <- start
  if (length(.Object@label) == 0) .Object@label <- "unnamed"
  .Object
})
new("Counter")
new("Counter", label = "clicks", start = 5)

# methods on existing functions
setClass("Stack", representation(items = "list"))
setMethod("length", "Stack", function(x) length(x@items))
setMethod("summary", "Stack", function(object, ...) cat("Stack of", length(object), "items\n"))
s <- new("Stack", items = list(1, "a", TRUE))
length(s)
summary(s)
summary(c(1, 2, 3, 4))
isVirtualClass("Animal")
is(d, "Animal")
