# Reference classes: the generator called as a function, methods added to a class after
# objects exist, $help() for a method's documentation, str() of an object, and
# localRefClass objects that copy themselves on $ensureLocal().
Account <- setRefClass("Account", fields = list(owner = "character", balance = "numeric"))
acc <- Account(owner = "Ann", balance = 100)
acc$balance
Account$methods(
    deposit = function(x) {
        'Adds x to the balance and returns the object invisibly.'
        balance <<- balance + x
        invisible(.self)
    },
    show = function() cat("Account of", owner, "holding", balance, "\n"))
acc$deposit(50)
acc$balance
acc
Account$help("deposit")
str(acc)
Tally <- setRefClass("Tally", contains = "localRefClass", fields = list(n = "numeric"))
t1 <- Tally(n = 1)
bump <- function(obj) {
    obj$ensureLocal()
    obj$n <- obj$n + 10
    obj
}
t2 <- bump(t1)
c(t1$n, t2$n)
resetGeneric("show")
