// readline.h uses FILE without including stdio.h.
#include <stdio.h>
#include <wchar.h>
#include <locale.h>
#include <langinfo.h>
#include <readline/readline.h>
#include <readline/history.h>
// glibc's wcwidth is not exposed by Swift's Glibc module.
int wcwidth(wchar_t c);
