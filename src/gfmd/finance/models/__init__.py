from .budgets import Budget, BudgetLine
from .funds import CarryOver, Contribution, Expenditure

__all__ = ["Budget", "BudgetLine", "CarryOver", "Contribution", "Expenditure"]
