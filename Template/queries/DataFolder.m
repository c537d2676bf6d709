null meta [IsParameterQuery=true, Type="Text", IsParameterQueryRequired=true]
