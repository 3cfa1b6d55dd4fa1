#import "RNBootstrapSupport.h"

double RNBootstrapSupportVersionNumber = 1.3;
