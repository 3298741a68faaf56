# Reference classes: a bank account with inheritance, reference semantics, copy()
Account <- setRefClass("Account",
  fields = list(owner = "character", balance = "numeric", history = "list"),
  methods = list(
    deposit = function(amount) {
      if (amount <= 0) stop("deposit must be positive")
      balance <<- balance + amount
      log_event("deposit", amount)
      invisible(.self)
    },
    withdraw = function(amount) {
      if (amount > balance) stop("insufficient funds")
      balance <<- balance - amount
      log_event("withdraw", amount)
      invisible(.self)
    },
    log_event = function(kind, amount) {
      history[[length(history) + 1]] <<- paste(kind, amount)
    },
    report = function() {
      cat("Owner:", owner, "\n")
      cat("Balance:", format(balance, nsmall = 2), "\n")
      cat("Events:", length(history), "\n")
    }
  ))

acc <- Account$new(owner = "Ada", balance = 100)
acc$deposit(50)
acc$withdraw(30)
acc$balance
acc$report()
unlist(acc$history)
msg <- tryCatch(acc$withdraw(1000), error = function(e) conditionMessage(e))
msg
acc$balance

# reference semantics: assignment shares, copy() does not
alias <- acc
alias$deposit(5)
acc$balance
twin <- acc$copy()
twin$deposit(1000)
acc$balance
twin$balance

# chaining through invisible(.self)
acc$deposit(1)$deposit(2)
acc$balance

# inheritance, callSuper and initialize
Savings <- setRefClass("Savings", contains = "Account",
  fields = list(rate = "numeric"),
  methods = list(
    initialize = function(...) {
      callSuper(...)
      if (length(rate) == 0) rate <<- 0.02
      invisible(.self)
    },
    withdraw = function(amount) {
      cat("Savings withdrawal of", amount, "\n")
      callSuper(amount + 1)
    },
    add_interest = function() {
      deposit(balance * rate)
    }
  ))
sv <- Savings$new(owner = "Bo", balance = 200)
sv$rate
sv$add_interest()
sv$balance
sv$withdraw(10)
sv$balance
unlist(sv$history)
is(sv, "Account")
class(sv)
isVirtualClass("Account")

# default show and a custom show method
Point <- setRefClass("PointRC", fields = list(x = "numeric", y = "numeric"))
pt <- Point$new(x = 1, y = 2)
pt
print(pt)
pt$x <- 5
pt$x
Named <- setRefClass("Named", fields = list(label = "character"),
  methods = list(show = function() cat("<Named:", label, ">\n")))
Named$new(label = "hello")

# methods added later, untyped fields
Point$methods(norm = function() sqrt(x^2 + y^2))
p2 <- Point$new(x = 3, y = 4)
p2$norm()
Box <- setRefClass("BoxRC", fields = c("content"))
bx <- Box$new(content = 1:3)
bx$content
bx$content <- "now text"
bx$content
Point$fields()
