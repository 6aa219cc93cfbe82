"""Question answering over Guangdong 医疗保障局 budget, final-accounts and self-evaluation reports."""
